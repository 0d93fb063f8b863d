import { describe, expect, it } from 'vitest';
import { CARD_METRICS, clampPage, gridShape, nextPage, pageCount, pageItems, pageLabel } from './paging';

describe('gridShape', () => {
  it('fits whole cards with their gaps: n*card + (n-1)*gap <= length', () => {
    // 10 px font: cards 170 x 64 px, gaps 6 px.
    const metrics = { minWidthEm: 17, heightEm: 6.4, gapEm: 0.6 };
    expect(gridShape({ width: 170 * 3 + 6 * 2, height: 64 * 2 + 6, fontPx: 10 }, metrics)).toEqual({ columns: 3, rows: 2, pageSize: 6 });
    expect(gridShape({ width: 170 * 3 + 6 * 2 - 1, height: 64 * 2 + 6 - 1, fontPx: 10 }, metrics)).toEqual({
      columns: 2,
      rows: 1,
      pageSize: 2,
    });
  });

  it('holds the same grid on 1080p and 4K because the font scales with the viewport', () => {
    const hd = gridShape({ width: 1400, height: 800, fontPx: 22 });
    const uhd = gridShape({ width: 2800, height: 1600, fontPx: 44 });
    expect(uhd).toEqual(hd);
    expect(hd.pageSize).toBeGreaterThan(1);
  });

  it('always shows at least one card, even in a box too small or not laid out yet', () => {
    expect(gridShape({ width: 0, height: 0, fontPx: 16 })).toEqual({ columns: 1, rows: 1, pageSize: 1 });
    expect(gridShape({ width: 50, height: 20, fontPx: Number.NaN })).toEqual({ columns: 1, rows: 1, pageSize: 1 });
  });

  it('gets more cards from a bigger box at the same font', () => {
    const small = gridShape({ width: 1000, height: 600, fontPx: 16 });
    const big = gridShape({ width: 2000, height: 1200, fontPx: 16 });
    expect(big.columns).toBeGreaterThan(small.columns);
    expect(big.rows).toBeGreaterThan(small.rows);
    expect(CARD_METRICS.heightEm).toBeGreaterThan(0);
  });
});

describe('pages', () => {
  it('counts pages, with one page for an empty list', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(200, 20)).toBe(10);
    expect(pageCount(5, 0)).toBe(5);
  });

  it('turns to the next page and back to the first after the last', () => {
    expect(nextPage(0, 3)).toBe(1);
    expect(nextPage(1, 3)).toBe(2);
    expect(nextPage(2, 3)).toBe(0);
    expect(nextPage(0, 1)).toBe(0);
    // The list shrank below the page shown: continue from the last page that exists.
    expect(nextPage(7, 3)).toBe(0);
  });

  it('clamps a page that no longer exists', () => {
    expect(clampPage(4, 2)).toBe(1);
    expect(clampPage(-1, 2)).toBe(0);
    expect(clampPage(Number.NaN, 2)).toBe(0);
    expect(clampPage(3, 0)).toBe(0);
  });

  it('slices the page, the last one partly filled', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    expect(pageItems(items, 0, 3)).toEqual([0, 1, 2]);
    expect(pageItems(items, 2, 3)).toEqual([6]);
    expect(pageItems(items, 9, 3)).toEqual([6]);
  });

  it('labels pages for people, 1-based', () => {
    expect(pageLabel(1, 5)).toBe('Page 2 of 5');
    expect(pageLabel(0, 0)).toBe('Page 1 of 1');
  });
});
