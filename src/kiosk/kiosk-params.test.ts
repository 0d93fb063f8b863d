import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_SECONDS, parseKioskParams } from './kiosk-params';

describe('parseKioskParams', () => {
  it('has defaults and no notes without parameters', () => {
    expect(parseKioskParams('?kiosk')).toEqual({
      gatewayPrefix: null,
      campaignId: null,
      intervalSeconds: DEFAULT_INTERVAL_SECONDS,
      notes: [],
    });
  });

  it('reads the gateway prefix and the page interval', () => {
    const params = parseKioskParams('?kiosk&gateway=DOCK-7&interval=5');
    expect(params).toEqual({ gatewayPrefix: 'DOCK-7', campaignId: null, intervalSeconds: 5, notes: [] });
  });

  it('falls back to the default for each bad value and says which value and why', () => {
    const params = parseKioskParams('?gateway=DOCK%2F%23&interval=abc');
    expect(params.gatewayPrefix).toBeNull();
    expect(params.intervalSeconds).toBe(DEFAULT_INTERVAL_SECONDS);
    expect(params.notes).toEqual([
      { param: 'gateway', value: 'DOCK/#', problems: ['snChars'] },
      { param: 'interval', value: 'abc', problems: ['notNumber'] },
    ]);
  });

  it('reads a campaign id and refuses one with other characters', () => {
    expect(parseKioskParams('?kiosk&campaign=8ca0ffa2-5e72').campaignId).toBe('8ca0ffa2-5e72');
    const bad = parseKioskParams('?kiosk&campaign=a%2Fb');
    expect(bad.campaignId).toBeNull();
    expect(bad.notes).toEqual([{ param: 'campaign', value: 'a/b', problems: ['notCampaignId'] }]);
  });

  it('rejects intervals out of range or fractional, and an empty gateway', () => {
    const expected: Record<string, string> = { '1': 'tooSmall', '601': 'tooLarge', '2.5': 'notWhole', '': 'notNumber', '-3': 'tooSmall' };
    for (const [interval, problem] of Object.entries(expected)) {
      const params = parseKioskParams(`?interval=${interval}`);
      expect(params.intervalSeconds, interval).toBe(DEFAULT_INTERVAL_SECONDS);
      expect(params.notes, interval).toEqual([{ param: 'interval', value: interval, problems: [problem] }]);
    }
    expect(parseKioskParams('?interval=2').intervalSeconds).toBe(2);
    expect(parseKioskParams('?gateway=').notes).toEqual([{ param: 'gateway', value: '', problems: expect.arrayContaining(['empty']) }]);
  });

  it('leaves lang to the console: the language is chosen once for the page by src/ui/i18n', () => {
    expect(parseKioskParams('?kiosk&lang=zh-CN')).toEqual(parseKioskParams('?kiosk'));
    expect(parseKioskParams('?kiosk&lang=%3Cscript%3E').notes).toEqual([]);
  });
});
