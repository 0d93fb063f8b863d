import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

describe('importing the app', () => {
  it('starts nothing: no timers, listeners, storage access, workers or network before bootstrap() runs', async () => {
    const calls: string[] = [];
    const spy = <T extends object>(target: T, name: keyof T & string, label = name) =>
      vi.spyOn(target, name as never).mockImplementation((() => {
        calls.push(label);
      }) as never);
    spy(window, 'addEventListener');
    spy(document, 'addEventListener');
    spy(globalThis, 'setTimeout');
    spy(globalThis, 'setInterval');
    spy(globalThis, 'fetch');
    spy(Storage.prototype, 'getItem', 'storage.getItem');
    spy(Storage.prototype, 'setItem', 'storage.setItem');
    vi.stubGlobal(
      'Worker',
      vi.fn(() => calls.push('new Worker')),
    );

    // Both halves of the start-up with everything they import, screens aside (those load lazily).
    await import('./bootstrap');
    await import('./bootstrap-features');

    expect(calls).toEqual([]);
  });
});
