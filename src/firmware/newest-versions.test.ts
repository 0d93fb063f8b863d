import { describe, expect, it } from 'vitest';
import type { Firmware } from './firmware.ts';
import { newestVersions } from './newest-versions.ts';

const entry = (model: string | null, productVersion: string): Pick<Firmware, 'model' | 'productVersion'> => ({ model, productVersion });

describe('newestVersions', () => {
  it('takes the highest version per model, read as numbers, and ignores model-less firmware', () => {
    const list = [
      entry('3-2-0', '10.01.0900'),
      entry('3-2-0', '10.01.10000'),
      entry('3-2-0', '9.99.9999'),
      entry('0-91-0', '07.01.0100'),
      entry(null, '99.0.0'),
    ];
    expect([...newestVersions(list)]).toEqual([
      ['3-2-0', '10.01.10000'],
      ['0-91-0', '07.01.0100'],
    ]);
  });

  it('is empty without firmware', () => {
    expect(newestVersions([]).size).toBe(0);
  });
});
