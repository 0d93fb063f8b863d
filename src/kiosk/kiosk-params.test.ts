import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_SECONDS, parseKioskParams } from './kiosk-params';

describe('parseKioskParams', () => {
  it('has defaults and no notes without parameters', () => {
    expect(parseKioskParams('?kiosk')).toEqual({ gatewayPrefix: null, campaignId: null, intervalSeconds: DEFAULT_INTERVAL_SECONDS, lang: 'en', requestedLang: null, notes: [] });
  });

  it('reads the gateway prefix, the page interval and the language', () => {
    const params = parseKioskParams('?kiosk&gateway=DOCK-7&interval=5&lang=en-GB');
    expect(params).toMatchObject({ gatewayPrefix: 'DOCK-7', intervalSeconds: 5, lang: 'en', requestedLang: 'en-GB', notes: [] });
  });

  it('falls back to the default for each bad value and says so', () => {
    const params = parseKioskParams('?gateway=DOCK%2F%23&interval=abc&lang=%3Cscript%3E');
    expect(params.gatewayPrefix).toBeNull();
    expect(params.intervalSeconds).toBe(DEFAULT_INTERVAL_SECONDS);
    expect(params.lang).toBe('en');
    expect(params.requestedLang).toBeNull();
    expect(params.notes).toHaveLength(3);
    expect(params.notes[0]).toMatch(/^gateway "DOCK\/#" .*showing every gateway$/);
    expect(params.notes[1]).toMatch(/^interval "abc" is not a number: pages turn every 10 s$/);
    expect(params.notes[2]).toMatch(/^lang "<script>" .*showing English$/);
  });

  it('reads a campaign id and refuses one with other characters', () => {
    expect(parseKioskParams('?kiosk&campaign=8ca0ffa2-5e72').campaignId).toBe('8ca0ffa2-5e72');
    const bad = parseKioskParams('?kiosk&campaign=a%2Fb');
    expect(bad.campaignId).toBeNull();
    expect(bad.notes[0]).toMatch(/^campaign "a\/b" is not a campaign id: showing every upgrade$/);
  });

  it('rejects intervals out of range or fractional, and an empty gateway', () => {
    for (const interval of ['1', '601', '2.5', '', '-3']) {
      const params = parseKioskParams(`?interval=${interval}`);
      expect(params.intervalSeconds, interval).toBe(DEFAULT_INTERVAL_SECONDS);
      expect(params.notes, interval).toHaveLength(1);
    }
    expect(parseKioskParams('?interval=2').intervalSeconds).toBe(2);
    expect(parseKioskParams('?gateway=').notes).toHaveLength(1);
  });

  it('keeps a language it cannot show yet for the i18n work, and shows English meanwhile', () => {
    const params = parseKioskParams('?lang=zh-CN');
    expect(params).toMatchObject({ lang: 'en', requestedLang: 'zh-CN' });
    expect(params.notes).toEqual(['lang "zh-CN" is not available yet: showing English']);
  });
});
