/**
 * Tells the other tabs of this browser which records were written: after each committed
 * transaction the writer posts the store names and keys, and the other tabs read those records
 * back and merge them (BroadcastChannel never delivers a post to the object that sent it).
 * Messages are checked like any other input: a malformed one is ignored.
 */
import { z } from 'zod';

export interface ChangeNotice {
  readonly store: string;
  readonly keys: readonly string[];
}

export interface ChangeChannel {
  post(notices: readonly ChangeNotice[]): void;
  subscribe(listener: (notices: readonly ChangeNotice[]) => void): () => void;
  close(): void;
}

const messageSchema = z.object({
  notices: z.array(z.object({ store: z.string(), keys: z.array(z.string()) })),
});

/** A BroadcastChannel of this name, or null where the browser has none. */
export function broadcastChangeChannel(name: string): ChangeChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  let channel: BroadcastChannel;
  try {
    channel = new BroadcastChannel(name);
  } catch {
    return null;
  }
  const listeners = new Set<(notices: readonly ChangeNotice[]) => void>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = messageSchema.safeParse(event.data);
    if (!parsed.success) return;
    for (const listener of listeners) listener(parsed.data.notices);
  };
  // Node's channels keep a process alive (tests); a browser's have no unref.
  (channel as { unref?: () => void }).unref?.();
  return {
    post(notices) {
      try {
        channel.postMessage({ notices });
      } catch {
        // A closed channel: the other tabs catch up on their next read.
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel.close();
    },
  };
}
