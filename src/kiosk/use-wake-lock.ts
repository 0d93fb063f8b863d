import { useEffect } from 'react';

/**
 * Keeps the TV's screen on while the board is shown, where the browser offers the Screen Wake
 * Lock API. The browser drops the lock whenever the page is hidden, so it is asked for again each
 * time the page becomes visible. A refusal (no secure context, power saving) is not an error: the
 * board works the same, the screen may just sleep.
 */
export function useWakeLock(): void {
  useEffect(() => {
    if (typeof navigator === 'undefined' || !('wakeLock' in navigator)) return;
    const wakeLock = navigator.wakeLock;
    let sentinel: WakeLockSentinel | null = null;
    let pending = false;
    let disposed = false;

    const acquire = () => {
      if (disposed || pending || document.visibilityState !== 'visible') return;
      if (sentinel !== null && !sentinel.released) return;
      pending = true;
      wakeLock.request('screen').then(
        (lock) => {
          pending = false;
          if (disposed) void lock.release();
          else sentinel = lock;
        },
        () => {
          pending = false;
        },
      );
    };

    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', acquire);
      if (sentinel !== null && !sentinel.released) void sentinel.release();
    };
  }, []);
}
