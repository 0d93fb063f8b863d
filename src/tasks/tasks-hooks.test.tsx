import { act, render, screen } from '@testing-library/react';
import { memo } from 'react';
import { describe, expect, it } from 'vitest';
import { progress } from './task-test-kit.ts';
import { useTask, useTaskIds, useTasksSummary } from './tasks-hooks.ts';
import { TasksStoreProvider } from './tasks-context.ts';
import { createTasksStore } from './tasks-store.ts';

const Row = memo(function Row({ bid, renders }: { bid: string; renders: Map<string, number> }) {
  const task = useTask(bid);
  renders.set(bid, (renders.get(bid) ?? 0) + 1);
  return <li aria-label={bid}>{task?.execution?.percent ?? '-'}</li>;
});

function List({ renders }: { renders: Map<string, number> }) {
  const ids = useTaskIds({ origin: 'elsewhere' });
  const summary = useTasksSummary();
  return (
    <>
      <p>total {summary.total}</p>
      <ul>
        {ids.map((bid) => (
          <Row key={bid} bid={bid} renders={renders} />
        ))}
      </ul>
    </>
  );
}

describe('task hooks', () => {
  it('a row re-renders only when its own task changes; filtered ids follow the store', () => {
    const store = createTasksStore();
    const renders = new Map<string, number>();
    store
      .getState()
      .batchReceived(
        [progress({ bid: 'a', ts: 1, percent: 1, tid: '1' }), progress({ bid: 'b', gateway: 'DOCK2', ts: 1, percent: 1, tid: '2' })],
        1,
      );
    render(
      <TasksStoreProvider value={store}>
        <List renders={renders} />
      </TasksStoreProvider>,
    );
    expect(screen.getByText('total 2')).toBeInTheDocument();
    expect(renders).toEqual(
      new Map([
        ['a', 1],
        ['b', 1],
      ]),
    );

    act(() => store.getState().batchReceived([progress({ bid: 'a', ts: 2, percent: 50, tid: '3' })], 2));
    expect(screen.getByLabelText('a')).toHaveTextContent('50');
    expect(renders.get('b')).toBe(1);

    act(() => {
      store.getState().batchReceived([progress({ bid: 'c', gateway: 'DOCK3', ts: 1, tid: '4' })], 3);
      store.getState().taskCreated({ bid: 'd', tid: '5', gateway: 'DOCK4', devices: [{ sn: 'DOCK4' }] }, 3);
    });
    expect(screen.getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual(['a', 'b', 'c']);
    expect(screen.getByText('total 4')).toBeInTheDocument();
  });
});
