const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05": the wallboard's clock and the banner's "since", read from across a room. */
export function formatHourMinute(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
