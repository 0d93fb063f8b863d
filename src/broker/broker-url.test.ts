import { describe, expect, it } from 'vitest';
import { redactBrokerUrl, resolveBrokerUrl } from './broker-url.ts';

describe('resolveBrokerUrl', () => {
  it('keeps ws:// and wss:// URLs', () => {
    expect(resolveBrokerUrl('ws://broker.local:8083/mqtt', null)).toBe('ws://broker.local:8083/mqtt');
    expect(resolveBrokerUrl('wss://broker.example.com:8084/mqtt', null)).toBe('wss://broker.example.com:8084/mqtt');
  });

  it('keeps mqtt:// and mqtts:// URLs (Node: the headless runner)', () => {
    expect(resolveBrokerUrl('mqtt://broker.local:1883', null)).toBe('mqtt://broker.local:1883');
    expect(resolveBrokerUrl('mqtts://broker.example.com:8883', null)).toBe('mqtts://broker.example.com:8883');
  });

  it("resolves a path against the page's own host, wss for an https page", () => {
    expect(resolveBrokerUrl('/mqtt', { protocol: 'http:', host: 'console.local:5173' })).toBe('ws://console.local:5173/mqtt');
    expect(resolveBrokerUrl('/mqtt', { protocol: 'https:', host: 'ops.example.com' })).toBe('wss://ops.example.com/mqtt');
  });

  it('refuses what is neither, and a path with no page to resolve against', () => {
    expect(() => resolveBrokerUrl('http://x/mqtt', null)).toThrow(/ws:\/\//);
    expect(() => resolveBrokerUrl('mqtt', null)).toThrow();
    expect(() => resolveBrokerUrl('/mqtt', null)).toThrow(/page location/);
  });

  it('never shows credentials embedded in the URL', () => {
    expect(redactBrokerUrl('ws://user:secret@broker:8083/mqtt')).toBe('ws://broker:8083/mqtt');
  });
});
