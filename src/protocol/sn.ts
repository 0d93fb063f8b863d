/**
 * Serial numbers become part of MQTT topic names, where '/', '+', '#' and NUL change what a topic
 * means (levels and wildcards). Every SN is checked here before it reaches a topic.
 */
export const SN_MAX_LENGTH = 64;

const SN_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Shows a character so that invisible ones (NUL, tabs, zero-width) are still readable. */
export function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === ' ') return 'a space';
  if (/[\p{Cc}\p{Cf}\p{Z}]/u.test(ch)) {
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    return code === 0 ? 'NUL (U+0000)' : `U+${hex}`;
  }
  return `'${ch}'`;
}

/** A readable reason why `sn` cannot be used as a serial number, or null when it can. */
export function snProblem(sn: unknown): string | null {
  if (typeof sn !== 'string') return `SN must be text, got ${sn === null ? 'null' : typeof sn}`;
  if (sn.length === 0) return 'SN is empty';
  if (sn.length > SN_MAX_LENGTH) return `SN is ${sn.length} characters long; at most ${SN_MAX_LENGTH} are allowed`;
  if (SN_PATTERN.test(sn)) return null;
  const bad = Array.from(sn).find((ch) => !SN_PATTERN.test(ch)) ?? '';
  const why = '/+#'.includes(bad) ? ' (it has a special meaning in MQTT topics)' : '';
  return `SN contains ${describeChar(bad)}${why}; only letters, digits, '-' and '_' are allowed`;
}

export function isValidSn(sn: unknown): sn is string {
  return typeof sn === 'string' && sn.length <= SN_MAX_LENGTH && SN_PATTERN.test(sn);
}

export class InvalidSnError extends Error {
  readonly sn: unknown;

  constructor(sn: unknown, problem: string = snProblem(sn) ?? 'SN is not valid') {
    super(problem);
    this.name = 'InvalidSnError';
    this.sn = sn;
  }
}

/** Returns `sn` unchanged, or throws InvalidSnError with the readable reason. */
export function assertSn(sn: unknown): string {
  if (isValidSn(sn)) return sn;
  throw new InvalidSnError(sn);
}
