import { resolve, sep } from 'node:path';

/**
 * Maps a URL pathname to a file under root, or null when it would escape root (`..`, encoded
 * slashes, NUL) or is not valid percent-encoding.
 */
export function resolveUnder(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const base = resolve(root);
  const target = resolve(base, ...segments);
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}
