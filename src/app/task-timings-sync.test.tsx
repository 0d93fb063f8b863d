import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTasksStore } from '../tasks/tasks-store';
import { DEFAULT_TASK_TIMINGS } from '../tasks/task-types';
import { createTestStores, renderWithStores } from './app-test-kit';
import { TaskTimingsSync } from './task-timings-sync';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TaskTimingsSync', () => {
  it('gives the task store the timings of config.json, in milliseconds', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ stalledAfterSeconds: 45, replyTimeoutSeconds: 7, verifyGraceSeconds: 90 }), {
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const store = createTasksStore();
    expect(store.getState().timings).toEqual(DEFAULT_TASK_TIMINGS);
    renderWithStores(<TaskTimingsSync />, createTestStores({ tasks: store }));
    await waitFor(() => expect(store.getState().timings).toEqual({ stalledAfterMs: 45_000, replyTimeoutMs: 7_000, verifyGraceMs: 90_000 }));
  });
});
