import { useEffect, useRef, useState } from 'react';
import { clampPage, nextPage } from './paging';

/**
 * The page shown now, turned every `intervalMs` while there is more than one. The page count
 * changes as tasks start and end; the timer keeps running through such changes (it reads the
 * latest count) so a busy fleet still gets its pages turned on time.
 */
export function usePageRotation(count: number, intervalMs: number): number {
  const [page, setPage] = useState(0);
  const countRef = useRef(count);
  useEffect(() => {
    countRef.current = count;
  }, [count]);
  const rotating = count > 1;
  useEffect(() => {
    if (!rotating) return;
    const timer = setInterval(() => setPage((current) => nextPage(current, countRef.current)), intervalMs);
    return () => clearInterval(timer);
  }, [rotating, intervalMs]);
  return clampPage(page, count);
}
