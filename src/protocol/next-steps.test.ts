import { describe, expect, it } from 'vitest';
import { CODES_WITH_NEXT_STEP, NEXT_STEP_TEXTS, nextStepForCode, nextStepForSubStatus } from './next-steps.ts';
import { KNOWN_RESULT_CODES } from './result-codes.ts';

describe('next steps', () => {
  it('gives every documented result code its own advice, never the look-up fallback', () => {
    expect([...CODES_WITH_NEXT_STEP].sort()).toEqual(KNOWN_RESULT_CODES.filter((c) => c !== 0).sort());
    for (const code of CODES_WITH_NEXT_STEP) expect(nextStepForCode(code)).not.toBe('lookUpCode');
  });

  it.each([
    [312001, 'regularUpgrade'],
    [312002, 'retry'],
    [312010, 'checkRequest'],
    [312014, 'waitForRunning'],
    [312015, 'waitForIdle'],
    [312016, 'checkAircraftLink'],
    [312023, 'clearRods'],
    [312027, 'placeAircraft'],
    [312030, 'turnOff4g'],
    [312704, 'chargeBattery'],
    [319038, 'waitForRunning'],
  ] as const)('%i: %s', (code, step) => {
    expect(nextStepForCode(code)).toBe(step);
  });

  it('sends an unknown code to the maker’s list', () => {
    expect(nextStepForCode(312999)).toBe('lookUpCode');
    expect(nextStepForCode(-1)).toBe('lookUpCode');
    expect(NEXT_STEP_TEXTS.lookUpCode).toMatch(/error list/);
  });

  it('reads a failure sub-status, and nothing from the others', () => {
    expect(nextStepForSubStatus('DOWNLOAD_FAILED')).toBe('checkDownload');
    expect(nextStepForSubStatus('VERIFY_FAILED')).toBe('checkPackage');
    expect(nextStepForSubStatus('UPGRADE_FAIL')).toBe('retry');
    expect(nextStepForSubStatus('DOWNLOADING')).toBeNull();
    expect(nextStepForSubStatus(null)).toBeNull();
  });

  it('says every next step as a sentence', () => {
    for (const text of Object.values(NEXT_STEP_TEXTS)) expect(text).toMatch(/^[A-Z].*\.$/);
  });
});
