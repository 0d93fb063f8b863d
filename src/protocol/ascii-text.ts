/**
 * The text of bytes that are all ASCII, or null when one is not. ASCII reads the same in UTF-8, so
 * for such bytes this is exactly what a UTF-8 TextDecoder returns. It exists because in Chromium a
 * TextDecoder call on a small view is a call out of the engine that wraps the view in an object of
 * the browser's own: at 10,000 messages a second those calls and the garbage they leave were the
 * largest single cost of the broker worker (bench/README.md, results of 6 Dec 2026, late night).
 * Devices send JSON in ASCII; anything else still goes through the decoder.
 */

/** fromCharCode.apply puts its arguments on the stack: longer runs are built in pieces. */
const PIECE = 8192;

export function asciiText(bytes: Uint8Array, start: number = 0, end: number = bytes.length): string | null {
  for (let i = start; i < end; i += 1) {
    if ((bytes[i] ?? 0) >= 0x80) return null;
  }
  let text = '';
  for (let at = start; at < end; at += PIECE) {
    text += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(end, at + PIECE)) as unknown as number[]);
  }
  return text;
}
