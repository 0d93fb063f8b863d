/**
 * Field checks for what goes into an ota_create. Each `...Problem` returns the sentence an operator
 * sees next to the field, or null when the value is fine; each `is...` is the same test as a guard.
 */
import { describeChar } from './sn.ts';

export const VERSION_MAX_LENGTH = 64;
export const FILE_NAME_MAX_LENGTH = 255;

const MD5_PATTERN = /^[0-9a-f]{32}$/;
// Control, format (bidi overrides, zero-width) and line/paragraph separators: invisible or
// misleading when shown, so never part of a version or file name.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  return typeof x;
}

export function md5Problem(s: unknown): string | null {
  if (typeof s !== 'string') return `MD5 must be text, got ${typeName(s)}`;
  if (MD5_PATTERN.test(s)) return null;
  if (s.length !== 32) return `MD5 must be 32 hexadecimal characters, got ${s.length}`;
  if (/^[0-9a-fA-F]{32}$/.test(s)) return 'MD5 must be lowercase hexadecimal';
  return 'MD5 must contain only hexadecimal characters (0-9, a-f)';
}

export function isMd5(s: unknown): s is string {
  return typeof s === 'string' && MD5_PATTERN.test(s);
}

/** Accepts pasted MD5s with surrounding spaces or uppercase letters; null when not an MD5 at all. */
export function normalizeMd5(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const lower = s.trim().toLowerCase();
  return MD5_PATTERN.test(lower) ? lower : null;
}

export function fileSizeProblem(n: unknown): string | null {
  if (typeof n !== 'number' || Number.isNaN(n)) return `file size must be a number, got ${typeName(n)}`;
  if (!Number.isInteger(n)) return 'file size must be a whole number of bytes';
  if (n <= 0) return 'file size must be greater than 0 bytes';
  if (!Number.isSafeInteger(n)) return 'file size is too large';
  return null;
}

export function isFileSize(n: unknown): n is number {
  return fileSizeProblem(n) === null;
}

export function httpUrlProblem(s: unknown): string | null {
  if (typeof s !== 'string') return `URL must be text, got ${typeName(s)}`;
  if (s.trim() === '') return 'URL is empty';
  if (s !== s.trim()) return 'URL must not start or end with spaces';
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return 'URL is not an absolute URL (it must start with http:// or https://)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `URL must use http or https, not ${url.protocol.replace(/:$/, '')}`;
  }
  if (url.hostname === '') return 'URL has no host';
  return null;
}

export function isHttpUrl(s: unknown): s is string {
  return httpUrlProblem(s) === null;
}

function printableTextProblem(what: string, s: unknown, max: number): string | null {
  if (typeof s !== 'string') return `${what} must be text, got ${typeName(s)}`;
  if (s.trim() === '') return `${what} is empty`;
  const length = Array.from(s).length;
  if (length > max) return `${what} is ${length} characters long; at most ${max} are allowed`;
  const bad = UNPRINTABLE.exec(s);
  if (bad) return `${what} contains an unprintable character (${describeChar(bad[0])})`;
  return null;
}

export function versionTextProblem(s: unknown): string | null {
  return printableTextProblem('version', s, VERSION_MAX_LENGTH);
}

export function isVersionText(s: unknown): s is string {
  return versionTextProblem(s) === null;
}

/** The dock stores the package under this name, so no path separators either. */
export function fileNameProblem(s: unknown): string | null {
  const problem = printableTextProblem('file name', s, FILE_NAME_MAX_LENGTH);
  if (problem !== null) return problem;
  if (typeof s === 'string' && /[/\\]/.test(s)) return "file name must not contain '/' or '\\'";
  return null;
}

export function isFileName(s: unknown): s is string {
  return fileNameProblem(s) === null;
}
