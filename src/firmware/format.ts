const MIB = 1024 * 1024;

/** "575.7 MiB (603,696,942 bytes)": the rounded size to read, the exact one to compare. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024) return exact;
  const rounded = bytes < MIB ? `${(bytes / 1024).toFixed(1)} KiB` : bytes < 1024 * MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${(bytes / (1024 * MIB)).toFixed(2)} GiB`;
  return `${rounded} (${exact})`;
}

/** A date as published, shown as YYYY-MM-DD when it parses; the raw text otherwise. */
export function formatDate(value: string | null): string {
  if (value === null || value.trim() === '') return '—';
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Date(time).toISOString().slice(0, 10);
}
