import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiText } from './ascii-text.ts';
import { decode } from './decode.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

describe('asciiText', () => {
  it('reads ASCII bytes exactly as a UTF-8 decoder does, at any length and range', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 20_000 }).map((bytes) => bytes.map((b) => b & 0x7f)),
        fc.nat(),
        fc.nat(),
        (bytes, a, b) => {
          expect(asciiText(bytes)).toBe(utf8.decode(bytes));
          const start = bytes.length === 0 ? 0 : a % bytes.length;
          const end = start + (bytes.length === 0 ? 0 : b % (bytes.length - start + 1));
          expect(asciiText(bytes, start, end)).toBe(utf8.decode(bytes.subarray(start, end)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('builds runs longer than one piece whole', () => {
    const bytes = new Uint8Array(3 * 8192 + 17).map((_, i) => 0x20 + (i % 90));
    expect(asciiText(bytes)).toBe(utf8.decode(bytes));
    expect(asciiText(new Uint8Array(0))).toBe('');
  });

  it('gives null when any byte of the range is not ASCII, and looks only inside the range', () => {
    const bytes = new TextEncoder().encode('abc€def');
    expect(asciiText(bytes)).toBeNull();
    expect(asciiText(bytes, 0, 3)).toBe('abc');
    expect(asciiText(bytes, 6)).toBe('def');
    for (const at of [0, 5, 9]) {
      const one = new Uint8Array(10).fill(0x61);
      one[at] = 0x80;
      expect(asciiText(one)).toBeNull();
    }
  });
});

describe('decode of payloads that are not ASCII', () => {
  const topic = 'thing/product/DOCK1/events';
  const progress = (text: string) =>
    JSON.stringify({
      tid: 't',
      bid: 'b',
      timestamp: 1,
      method: 'ota_progress',
      data: { output: { status: 'in_progress', sub_status: text, progress: { percent: 5 } } },
    });

  it('still reads UTF-8 text (here Chinese) through the decoder', () => {
    const decoded = decode(topic, new TextEncoder().encode(progress('下载中')));
    expect(decoded.kind).toBe('ota_progress');
    if (decoded.kind === 'ota_progress') expect(decoded.subStatusRaw).toBe('下载中');
  });

  it('still refuses bytes that are not UTF-8', () => {
    const bytes = new TextEncoder().encode(progress('xx'));
    bytes[bytes.indexOf(0x78)] = 0xff;
    const decoded = decode(topic, bytes);
    expect(decoded.kind).toBe('invalid');
    if (decoded.kind === 'invalid') expect(decoded.reason).toBe('payload is not valid UTF-8');
  });
});
