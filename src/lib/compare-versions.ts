/**
 * Orders firmware versions as people read them: "10.01.3205" after "9.2.1" and "07.00.0100"
 * before "07.00.0200". Runs of digits compare as numbers, everything else as text, so a version
 * string of any shape still gets a stable order instead of an error.
 */
const PARTS = /\d+|\D+/g;

/** Negative when `a` is older than `b`, positive when newer, 0 when they read the same. */
export function compareVersions(a: string, b: string): number {
  const left = a.trim().match(PARTS) ?? [];
  const right = b.trim().match(PARTS) ?? [];
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xNumber = /^\d/.test(x);
    const yNumber = /^\d/.test(y);
    if (xNumber && yNumber) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff;
      continue;
    }
    // A number part sorts after text ("1.0" before "1.0.1", "1.0-beta" before "1.0.1").
    if (xNumber !== yNumber) return xNumber ? 1 : -1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
