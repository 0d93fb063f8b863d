import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { useThrottledSelection } from './use-throttled-selection';

interface State {
  ids: readonly string[];
  other: number;
}

const selectIds = (s: State) => s.ids;

function setup() {
  const store = createStore<State>(() => ({ ids: ['a'], other: 0 }));
  let renders = 0;
  const hook = renderHook(() => {
    renders += 1;
    return useThrottledSelection(store, selectIds, 1_000);
  });
  const add = (id: string) => act(() => store.setState((s) => ({ ids: [...s.ids, id] })));
  return { store, hook, add, renders: () => renders };
}

describe('useThrottledSelection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the selection, and a change after a quiet period at once', () => {
    const { hook, add } = setup();
    expect(hook.result.current).toEqual(['a']);
    add('b');
    expect(hook.result.current).toEqual(['a', 'b']);
    act(() => vi.advanceTimersByTime(1_500));
    add('c');
    expect(hook.result.current).toEqual(['a', 'b', 'c']);
  });

  it('holds faster changes, re-rendering once when the period is up, with the latest', () => {
    const { hook, add, renders } = setup();
    add('b');
    const before = renders();
    for (const id of ['c', 'd', 'e', 'f']) {
      act(() => vi.advanceTimersByTime(100));
      add(id);
      expect(hook.result.current).toEqual(['a', 'b']);
    }
    expect(renders()).toBe(before);
    act(() => vi.advanceTimersByTime(599));
    expect(hook.result.current).toEqual(['a', 'b']);
    act(() => vi.advanceTimersByTime(1));
    expect(hook.result.current).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(renders()).toBe(before + 1);
  });

  it('does not re-render or use up its period for store changes that leave the selection as it was', () => {
    const { store, hook, add, renders } = setup();
    const before = renders();
    act(() => store.setState({ other: 1 }));
    act(() => store.setState({ other: 2 }));
    expect(renders()).toBe(before);
    add('b');
    expect(hook.result.current).toEqual(['a', 'b']);
  });

  it('stops its timer when unmounted', () => {
    const { hook, add } = setup();
    add('b');
    add('c');
    expect(vi.getTimerCount()).toBe(1);
    hook.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
