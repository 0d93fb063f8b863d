import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fileNameProblem,
  fileSizeProblem,
  httpUrlProblem,
  isFileName,
  isFileSize,
  isHttpUrl,
  isMd5,
  isVersionText,
  md5Problem,
  normalizeMd5,
  versionTextProblem,
} from './validation.ts';

describe('md5', () => {
  it('accepts 32 lowercase hex characters', () => {
    expect(isMd5('d1c9dacec124abd350379eb44b9143e5')).toBe(true);
    expect(md5Problem('d1c9dacec124abd350379eb44b9143e5')).toBeNull();
  });

  it.each([
    ['D1C9DACEC124ABD350379EB44B9143E5', 'MD5 must be lowercase hexadecimal'],
    ['d1c9dacec124abd350379eb44b9143e', 'MD5 must be 32 hexadecimal characters, got 31'],
    ['g1c9dacec124abd350379eb44b9143e5', 'MD5 must contain only hexadecimal characters (0-9, a-f)'],
    [' d1c9dacec124abd350379eb44b9143e5', 'MD5 must be 32 hexadecimal characters, got 33'],
    [42, 'MD5 must be text, got number'],
  ])('rejects %j: %s', (value, message) => {
    expect(isMd5(value)).toBe(false);
    expect(md5Problem(value)).toBe(message);
  });

  it('normalizes pasted uppercase or padded MD5s and refuses non-MD5s', () => {
    expect(normalizeMd5('  D1C9DACEC124ABD350379EB44B9143E5\n')).toBe('d1c9dacec124abd350379eb44b9143e5');
    expect(normalizeMd5('not an md5')).toBeNull();
    expect(normalizeMd5(null)).toBeNull();
  });

  it('isMd5 holds for every normalized 128-bit hex value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
        expect(isMd5(hex)).toBe(true);
        expect(normalizeMd5(hex.toUpperCase())).toBe(hex);
      }),
      { numRuns: 100 },
    );
  });
});

describe('file size', () => {
  it('accepts positive safe integers', () => {
    expect(isFileSize(603696942)).toBe(true);
    expect(isFileSize(1)).toBe(true);
    expect(isFileSize(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it.each([
    [0, 'file size must be greater than 0 bytes'],
    [-5, 'file size must be greater than 0 bytes'],
    [1.5, 'file size must be a whole number of bytes'],
    [Number.MAX_SAFE_INTEGER + 1, 'file size is too large'],
    [Number.POSITIVE_INFINITY, 'file size must be a whole number of bytes'],
    [Number.NaN, 'file size must be a number, got number'],
    ['100', 'file size must be a number, got string'],
  ])('rejects %j', (value, message) => {
    expect(isFileSize(value)).toBe(false);
    expect(fileSizeProblem(value)).toBe(message);
  });
});

describe('http url', () => {
  it.each(['http://192.168.1.1:9000/public/EvoNest-V1.2.0.69-20231215094829.Encrypt.uav', 'https://cdn.example.com/a%20b.bin?x=1'])(
    'accepts %s',
    (url) => {
      expect(isHttpUrl(url)).toBe(true);
    },
  );

  it.each([
    ['ftp://host/file', 'URL must use http or https, not ftp'],
    ['javascript:alert(1)', 'URL must use http or https, not javascript'],
    ['file:///etc/passwd', 'URL must use http or https, not file'],
    ['/firmware/a.bin', 'URL is not an absolute URL (it must start with http:// or https://)'],
    ['', 'URL is empty'],
    [' http://host/a', 'URL must not start or end with spaces'],
    [null, 'URL must be text, got null'],
  ])('rejects %j', (url, message) => {
    expect(isHttpUrl(url)).toBe(false);
    expect(httpUrlProblem(url)).toBe(message);
  });
});

describe('version text', () => {
  it.each(['1.2.0.69', '10.01.3205', 'v2 beta (RC)', 'x'.repeat(64), '版本 1'])('accepts %j', (v) => {
    expect(isVersionText(v)).toBe(true);
  });

  it.each([
    ['', 'version is empty'],
    ['   ', 'version is empty'],
    ['x'.repeat(65), 'version is 65 characters long; at most 64 are allowed'],
    ['1.0\n', 'version contains an unprintable character (U+000A)'],
    ['1.0\u0000', 'version contains an unprintable character (NUL (U+0000))'],
    ['1.0\u202e', 'version contains an unprintable character (U+202E)'],
    [10, 'version must be text, got number'],
  ])('rejects %j', (v, message) => {
    expect(isVersionText(v)).toBe(false);
    expect(versionTextProblem(v)).toBe(message);
  });
});

describe('file name', () => {
  it('accepts the file name of the documented example', () => {
    expect(isFileName('EvoNest-V1.2.0.69-20231215094829.Encrypt.uav')).toBe(true);
  });

  it.each([
    ['../etc/passwd', "file name must not contain '/' or '\\'"],
    ['a\\b.bin', "file name must not contain '/' or '\\'"],
    ['', 'file name is empty'],
    ['a\tb', 'file name contains an unprintable character (U+0009)'],
  ])('rejects %j', (name, message) => {
    expect(fileNameProblem(name)).toBe(message);
  });
});
