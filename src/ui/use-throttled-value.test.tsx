import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottledValue } from './use-throttled-value';

describe('useThrottledValue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the first value and a change after a quiet period at once', () => {
    const { result, rerender } = renderHook(({ v }) => useThrottledValue(v, 1_000), { initialProps: { v: 'a' } });
    expect(result.current).toBe('a');
    rerender({ v: 'b' });
    expect(result.current).toBe('b');
    act(() => vi.advanceTimersByTime(1_500));
    rerender({ v: 'c' });
    expect(result.current).toBe('c');
  });

  it('holds faster changes and shows the latest once the period has passed', () => {
    const { result, rerender } = renderHook(({ v }) => useThrottledValue(v, 1_000), { initialProps: { v: 0 } });
    rerender({ v: 1 });
    expect(result.current).toBe(1);
    for (let v = 2; v <= 5; v += 1) {
      act(() => vi.advanceTimersByTime(100));
      rerender({ v });
      expect(result.current).toBe(1);
    }
    act(() => vi.advanceTimersByTime(599));
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(5);
  });

  it('keeps functions as values, not as state updaters', () => {
    const f = () => 'f';
    const g = () => 'g';
    const { result, rerender } = renderHook(({ v }) => useThrottledValue(v, 1_000), { initialProps: { v: f } });
    rerender({ v: g });
    expect(result.current).toBe(g);
  });
});
