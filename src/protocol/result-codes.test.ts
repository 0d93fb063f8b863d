import { describe, expect, it } from 'vitest';
import { KNOWN_RESULT_CODES, isKnownResultCode, resultCodeParts, resultCodeText } from './result-codes.ts';
import { isAircraftModel, isDockModel, KNOWN_MODEL_KEYS, modelKey, modelLabel, productName } from './models.ts';

/** Every firmware-upgrade result code DJI documents (docs/protocol.md), ranges expanded. */
const PROTOCOL_CODES = [
  312001, 312002, 312003, 312004, 312013, 312018, 312019, 312020, 312021, 312024, 312010, 312012, 312014, 312015, 312016, 312017, 312022,
  312023, 312025, 312026, 312027, 312028, 312029, 312030, 312704, 319038, 314000,
];

describe('resultCodeText', () => {
  it('says Success for 0', () => {
    expect(resultCodeText(0)).toBe('Success');
  });

  it('has a specific text for every documented code', () => {
    for (const code of PROTOCOL_CODES) {
      expect(isKnownResultCode(code)).toBe(true);
      expect(resultCodeText(code)).not.toMatch(/Unknown error/);
    }
    expect([...KNOWN_RESULT_CODES].sort()).toEqual([0, ...PROTOCOL_CODES].sort());
  });

  it.each([
    [312001, 'A consistency upgrade was sent, but the device did not ask for one'],
    [312014, 'The device is already upgrading'],
    [312015, 'The dock is busy (for example a flight is in progress)'],
    [312023, 'The driving rods cannot close (emergency stop pressed or rods blocked)'],
    [312027, 'There is no aircraft in the dock'],
    [312030, 'Enhanced 4G transmission is on: turn it off first'],
    [312704, 'The battery is below 20%'],
    [319038, 'The device is upgrading, try again later'],
    [314000, 'The operation is not supported in the current state'],
  ])('explains %i', (code, text) => {
    expect(resultCodeText(code)).toBe(text);
  });

  it('groups the retryable failures under one text', () => {
    const retry = [312002, 312003, 312004, 312013, 312018, 312019, 312020, 312021, 312024].map(resultCodeText);
    expect(new Set(retry)).toEqual(new Set(['The upgrade failed; retry it']));
    expect(resultCodeText(312010)).toBe(resultCodeText(312012));
  });

  it('still names source, module and error of an unknown six-digit code', () => {
    expect(resultCodeText(312999)).toBe('Unknown error (code 312999: device, module 12, error 999)');
    expect(resultCodeText(514123)).toBe('Unknown error (code 514123: device, module 14, error 123)');
    expect(resultCodeText(216001)).toBe('Unknown error (code 216001: source 2, module 16, error 1)');
  });

  it.each([-1, 42, 1234567, 3.5, Number.NaN])('has a fallback for %d', (code) => {
    expect(resultCodeText(code)).toBe(`Unknown error (code ${String(code)})`);
  });

  it('splits ABCDEF codes', () => {
    expect(resultCodeParts(312704)).toEqual({ source: 3, module: 12, error: 704 });
    expect(resultCodeParts(99999)).toBeNull();
  });
});

describe('models', () => {
  it('build model keys from domain, type and sub_type', () => {
    expect(modelKey('3', 1, 0)).toBe('3-1-0');
    expect(modelKey(0, 67, 1)).toBe('0-67-1');
  });

  it.each([
    ['3-1-0', 'DJI Dock'],
    ['3-2-0', 'DJI Dock 2'],
    ['3-3-0', 'DJI Dock 3'],
    ['0-67-0', 'Matrice 30'],
    ['0-67-1', 'Matrice 30T'],
    ['0-91-0', 'Mavic 3D'],
    ['0-91-1', 'Mavic 3TD'],
    ['0-100-0', 'Matrice 4D'],
    ['0-100-1', 'Matrice 4TD'],
  ])('name %s %s', (key, name) => {
    expect(productName(key)).toBe(name);
    expect(modelLabel(key)).toBe(name);
  });

  it('know exactly the documented models', () => {
    expect(KNOWN_MODEL_KEYS).toHaveLength(9);
    expect(productName('3-9-0')).toBeNull();
    expect(productName('toString')).toBeNull();
    expect(modelLabel('3-9-0')).toBe('Unknown model 3-9-0');
  });

  it('tell docks (domain 3) from aircraft (domain 0), known or not', () => {
    expect(isDockModel('3-2-0')).toBe(true);
    expect(isDockModel('3-9-0')).toBe(true);
    expect(isDockModel('0-91-0')).toBe(false);
    expect(isDockModel('30-1-0')).toBe(false);
    expect(isAircraftModel('0-100-1')).toBe(true);
    expect(isAircraftModel('3-1-0')).toBe(false);
  });
});
