import { describe, expect, it } from 'vitest';
import { parseConfigObject } from './parse-config-object';

describe('parseConfigObject', () => {
  it('keeps every valid key', () => {
    const parsed = parseConfigObject({
      brokerUrl: 'wss://b.example/mqtt',
      username: 'ops',
      password: 'secret',
      catalogUrl: 'https://cdn.example/catalog.json',
      readOnly: true,
      respondToDevices: true,
      kiosk: false,
      stalledAfterSeconds: 300,
      replyTimeoutSeconds: 15,
      verifyGraceSeconds: 900,
    });
    expect(parsed.issues).toEqual([]);
    expect(parsed.unknownKeys).toEqual([]);
    expect(parsed.layer).toEqual({
      brokerUrl: 'wss://b.example/mqtt',
      username: 'ops',
      password: 'secret',
      catalogUrl: 'https://cdn.example/catalog.json',
      readOnly: true,
      respondToDevices: true,
      kiosk: false,
      stalledAfterSeconds: 300,
      replyTimeoutSeconds: 15,
      verifyGraceSeconds: 900,
    });
  });

  it('drops only the keys with wrong types and names each one', () => {
    const parsed = parseConfigObject({
      brokerUrl: 'http://b.example/mqtt',
      readOnly: 'yes',
      stalledAfterSeconds: -5,
      username: 'ops',
      kiosk: true,
    });
    expect(parsed.layer).toEqual({ username: 'ops', kiosk: true });
    expect(parsed.issues.map((i) => i.key).sort()).toEqual(['brokerUrl', 'readOnly', 'stalledAfterSeconds']);
    expect(parsed.issues.every((i) => i.source === 'config.json' && i.message.length > 0)).toBe(true);
    expect(parsed.issues.find((i) => i.key === 'brokerUrl')?.message).toMatch(/ws:\/\/ or wss:\/\//);
  });

  it('takes protocolVersion as "auto", "5" or "3.1.1" (the numbers 5 and 4 as meant) and names anything else', () => {
    expect(parseConfigObject({ protocolVersion: '3.1.1' }).layer).toEqual({ protocolVersion: '3.1.1' });
    expect(parseConfigObject({ protocolVersion: 'auto' }).layer).toEqual({ protocolVersion: 'auto' });
    expect(parseConfigObject({ protocolVersion: 5 }).layer).toEqual({ protocolVersion: '5' });
    expect(parseConfigObject({ protocolVersion: 4 }).layer).toEqual({ protocolVersion: '3.1.1' });
    for (const wrong of ['3', 3.1, 'mqtt5', true]) {
      const parsed = parseConfigObject({ protocolVersion: wrong });
      expect(parsed.layer).toEqual({});
      expect(parsed.issues).toEqual([{ key: 'protocolVersion', source: 'config.json', message: 'use "auto", "5" or "3.1.1"' }]);
    }
  });

  it('reports unknown keys without failing and treats null as unset', () => {
    const parsed = parseConfigObject({ brokerURL: 'ws://x/mqtt', password: null, catalogUrl: 'c.json' });
    expect(parsed.unknownKeys).toEqual(['brokerURL']);
    expect(parsed.layer).toEqual({ catalogUrl: 'c.json' });
    expect(parsed.issues).toEqual([]);
  });

  it.each([[[1, 2]], ['text'], [null], [42]])('rejects a top level that is not an object: %j', (raw) => {
    const parsed = parseConfigObject(raw);
    expect(parsed.layer).toEqual({});
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]?.message).toMatch(/must be a JSON object/);
  });
});
