import { useEffect, useRef, useState } from 'react';

/**
 * `value`, changing at most once per `ms`: the first change after a quiet `ms` shows at once, and
 * changes that come faster are held and shown together, the latest, when `ms` has passed since the
 * last one shown. For views that rebuild something large from a value that can change every frame.
 */
export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(() => value);
  const shownAt = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const show = () => {
      shownAt.current = Date.now();
      setShown(() => value);
    };
    const wait = shownAt.current + ms - Date.now();
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}
