/**
 * How many device cards fit on one page of the wallboard, and which ones a page shows. Card sizes
 * are in em of the board's font (which scales with the viewport), so the same board holds the
 * same grid on a 1080p and a 4K screen.
 */

/** A card's footprint in em; the grid's gap too. */
export interface CardMetrics {
  minWidthEm: number;
  heightEm: number;
  gapEm: number;
}

export const CARD_METRICS: CardMetrics = Object.freeze({ minWidthEm: 14.5, heightEm: 7, gapEm: 0.6 });

export interface GridArea {
  /** px */
  width: number;
  /** px */
  height: number;
  /** The font size (px) the em sizes are relative to. */
  fontPx: number;
}

export interface GridShape {
  columns: number;
  rows: number;
  pageSize: number;
}

/** n cells of `cell` px with `gap` px between them fit in `length` px: n*cell + (n-1)*gap <= length. */
function cellsThatFit(length: number, cell: number, gap: number): number {
  if (!(length > 0) || !(cell > 0)) return 1;
  return Math.max(1, Math.floor((length + gap) / (cell + gap)));
}

/** Columns x rows of cards in the area: always at least one card, so something always shows. */
export function gridShape(area: GridArea, metrics: CardMetrics = CARD_METRICS): GridShape {
  const font = area.fontPx > 0 ? area.fontPx : 16;
  const gap = metrics.gapEm * font;
  const columns = cellsThatFit(area.width, metrics.minWidthEm * font, gap);
  const rows = cellsThatFit(area.height, metrics.heightEm * font, gap);
  return { columns, rows, pageSize: columns * rows };
}

export function pageCount(itemCount: number, pageSize: number): number {
  if (itemCount <= 0) return 1;
  return Math.ceil(itemCount / Math.max(1, Math.floor(pageSize)));
}

/** A page index that exists: the list may have shrunk since the index was chosen. */
export function clampPage(page: number, count: number): number {
  if (!Number.isFinite(page) || page < 0) return 0;
  return Math.min(Math.floor(page), Math.max(0, count - 1));
}

/** The page after `page`, back to the first after the last. */
export function nextPage(page: number, count: number): number {
  return count <= 1 ? 0 : (clampPage(page, count) + 1) % count;
}

export function pageItems<T>(items: readonly T[], page: number, pageSize: number): readonly T[] {
  const size = Math.max(1, Math.floor(pageSize));
  const start = clampPage(page, pageCount(items.length, size)) * size;
  return items.slice(start, start + size);
}

/** "Page 2 of 5" (1-based for people). */
export function pageLabel(page: number, count: number): string {
  return `Page ${clampPage(page, count) + 1} of ${Math.max(1, count)}`;
}
