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
