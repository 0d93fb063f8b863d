/**
 * JSON parsing for untrusted payloads: bounded nesting (so neither the parser nor anything that
 * walks the result can run out of stack) and no keys that could reach an object prototype.
 */
export const MAX_JSON_DEPTH = 32;

const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** Bytes `s` takes as UTF-8 (lone surrogates count as the 3-byte U+FFFD they become). */
export function utf8ByteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Deepest bracket nesting outside strings; stops counting once past `limit`. */
export function nestingDepth(text: string, limit: number = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * Whether `text` has at most `limit` opening brackets in all. Nesting can be no deeper than that,
 * so such text needs no nestingDepth scan: counted with indexOf, which is native, this costs a
 * tenth of the scan, and a device's message has a handful of brackets.
 */
function openersAtMost(text: string, limit: number): boolean {
  let count = 0;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) if (++count > limit) return false;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) if (++count > limit) return false;
  return true;
}

function dropUnsafeKeys(key: string, value: unknown): unknown {
  return UNSAFE_KEYS.has(key) ? undefined : value;
}

/**
 * A key can only equal an unsafe one if the text spells it out or uses a \u escape (no other JSON
 * escape yields a letter or '_'). Text with neither skips the reviver, which calls back into
 * JavaScript for every value: the decoder's largest cost at 10,000 messages a second.
 */
const MAY_HOLD_UNSAFE_KEY = /__proto__|constructor|prototype|\\u/;

/**
 * A bid or tid written as an integer of 16 digits or more: past 2^53 a JSON number loses digits
 * (Autel uses 18-digit ids), so such literals are read as text. The test is one linear scan for a
 * quote; only texts that match are rewritten.
 */
const LONG_ID = /"[bt]id"[ \t\n\r]*:[ \t\n\r]*-?\d{16}/;
const LONG_IDS = /("[bt]id"[ \t\n\r]*:[ \t\n\r]*)(-?\d{16,})(?=[ \t\n\r]*[,}\]])/g;

/**
 * Quotes integer literals of 16 digits or more that follow a "bid" or "tid" key, so JSON.parse
 * keeps every digit. In valid JSON `"bid":` can only be a key: inside a string the quotes would be
 * escaped. A literal followed by a fraction or exponent is left alone (it is no id).
 */
export function quoteLongIds(text: string): string {
  return LONG_ID.test(text) ? text.replace(LONG_IDS, '$1"$2"') : text;
}

export function parseJsonSafely(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonResult {
  if (!openersAtMost(text, maxDepth) && nestingDepth(text, maxDepth) > maxDepth) {
    return { ok: false, reason: `payload nests deeper than ${maxDepth} levels` };
  }
  try {
    const source = quoteLongIds(text);
    const value: unknown = MAY_HOLD_UNSAFE_KEY.test(source) ? JSON.parse(source, dropUnsafeKeys) : JSON.parse(source);
    return { ok: true, value };
  } catch {
    return { ok: false, reason: 'payload is not valid JSON' };
  }
}
