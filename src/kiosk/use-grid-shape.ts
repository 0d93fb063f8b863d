import { useEffect, useState, type RefObject } from 'react';
import { gridShape, type GridArea, type GridShape } from './paging';

function areaOf(element: HTMLElement): GridArea {
  const fontPx = Number.parseFloat(getComputedStyle(element).fontSize);
  return { width: element.clientWidth, height: element.clientHeight, fontPx: Number.isFinite(fontPx) ? fontPx : 16 };
}

function sameShape(a: GridShape, b: GridShape): boolean {
  return a.columns === b.columns && a.rows === b.rows;
}

/**
 * How many cards the grid element holds, measured from its box and font size and measured again
 * whenever it resizes (a TV switching resolution, a browser window on a test bench).
 */
export function useGridShape(ref: RefObject<HTMLElement | null>): GridShape {
  const [shape, setShape] = useState<GridShape>(() => gridShape({ width: 0, height: 0, fontPx: 16 }));
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => {
      const next = gridShape(areaOf(element));
      setShape((current) => (sameShape(current, next) ? current : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') {
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return shape;
}
