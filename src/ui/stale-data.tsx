/**
 * Live figures shown while the broker connection is down are kept, not hidden (they are the last
 * known state), but dimmed and described by the banner that says why. The shell provides whether
 * the data is stale and the banner's id; a figure spreads `useStaleMarks()` on its element.
 */
import { createContext, useContext } from 'react';

export interface StaleData {
  stale: boolean;
  /** The id of the element that explains the staleness (the connection banner). */
  noteId: string;
}

const StaleDataContext = createContext<StaleData>({ stale: false, noteId: '' });

export const StaleDataProvider = StaleDataContext.Provider;

// Grey and dashed, not faded: faded text would fall below the AA contrast the screens keep.
export const STALE_CLASS = 'grayscale border-dashed';

export interface StaleMarks {
  className: string;
  'aria-describedby'?: string;
  'data-stale'?: 'true';
}

/** Props for a live figure's element: a dimming class and a pointer to the explanation. */
export function useStaleMarks(): StaleMarks {
  const { stale, noteId } = useContext(StaleDataContext);
  if (!stale) return { className: '' };
  return noteId === ''
    ? { className: STALE_CLASS, 'data-stale': 'true' }
    : { className: STALE_CLASS, 'aria-describedby': noteId, 'data-stale': 'true' };
}
