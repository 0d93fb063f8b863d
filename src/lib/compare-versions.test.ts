import { describe, expect, it } from 'vitest';
import { compareVersions } from './compare-versions.ts';

describe('compareVersions', () => {
  it('compares digit runs as numbers', () => {
    expect(compareVersions('10.01.3205', '9.99.9999')).toBeGreaterThan(0);
    expect(compareVersions('07.00.0100', '07.00.0200')).toBeLessThan(0);
    expect(compareVersions('1.2.10', '1.2.9')).toBeGreaterThan(0);
  });

  it('reads leading zeros and surrounding space as the same version', () => {
    expect(compareVersions('07.00.0100', '7.0.100')).toBe(0);
    expect(compareVersions(' 1.0 ', '1.0')).toBe(0);
  });

  it('puts a longer version after its prefix, and a pre-release tag before the next number', () => {
    expect(compareVersions('1.0', '1.0.1')).toBeLessThan(0);
    expect(compareVersions('1.0-beta', '1.0.1')).toBeLessThan(0);
    expect(compareVersions('1.0-alpha', '1.0-beta')).toBeLessThan(0);
  });

  it('sorts a list newest first without throwing on odd strings', () => {
    const sorted = ['1.2', 'weird', '10.0', '', '1.10'].sort((a, b) => compareVersions(b, a));
    expect(sorted).toEqual(['10.0', '1.10', '1.2', 'weird', '']);
  });
});
