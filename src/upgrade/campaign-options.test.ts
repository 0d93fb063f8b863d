import { describe, expect, it } from 'vitest';
import { parseCampaignOptions, parseCanary, parseMaxParallel, parsePauseAfterFailures } from './campaign-options.ts';

describe('campaign options', () => {
  it('Max parallel upgrades: empty = no limit, a whole number of at least 1', () => {
    expect(parseMaxParallel('')).toEqual({ ok: true, value: null });
    expect(parseMaxParallel(' 5 ')).toEqual({ ok: true, value: 5 });
    for (const bad of ['0', '-1', '2.5', 'ten', '1e3']) expect(parseMaxParallel(bad).ok).toBe(false);
    expect(parseMaxParallel('0')).toEqual({ ok: false, error: 'Max parallel upgrades must be at least 1, or empty' });
  });

  it('Pause after failures: empty = off, a count, or a percent', () => {
    expect(parsePauseAfterFailures('  ')).toEqual({ ok: true, value: null });
    expect(parsePauseAfterFailures('3')).toEqual({ ok: true, value: { count: 3 } });
    expect(parsePauseAfterFailures('12.5 %')).toEqual({ ok: true, value: { percent: 12.5 } });
    expect(parsePauseAfterFailures('100%')).toEqual({ ok: true, value: { percent: 100 } });
    expect(parsePauseAfterFailures('0%')).toEqual({ ok: false, error: 'Pause after failures: a percent must be above 0 and at most 100' });
    expect(parsePauseAfterFailures('150%').ok).toBe(false);
    expect(parsePauseAfterFailures('x')).toEqual({
      ok: false,
      error: 'Pause after failures must be a whole number or a percent such as 10%, or empty',
    });
  });

  it('Canary gateways: optional, fewer than the gateways to send', () => {
    expect(parseCanary('', 3)).toEqual({ ok: true, value: null });
    expect(parseCanary('2', 3)).toEqual({ ok: true, value: 2 });
    expect(parseCanary('3', 3)).toEqual({ ok: false, error: 'Canary gateways must be fewer than the 3 gateways to upgrade' });
  });

  it('collects every field error and gives options only when all are valid', () => {
    const bad = parseCampaignOptions({ maxParallel: '0', pauseAfterFailures: '2', canary: 'x' }, 4);
    expect(bad.options).toBeNull();
    expect(bad.errors.maxParallel).not.toBeNull();
    expect(bad.errors.pauseAfterFailures).toBeNull();
    expect(bad.errors.canary).not.toBeNull();
    const good = parseCampaignOptions({ maxParallel: '2', pauseAfterFailures: '10%', canary: '1' }, 4);
    expect(good.options).toEqual({ maxParallel: 2, pauseAfterFailures: { percent: 10 }, canarySize: 1 });
  });
});
