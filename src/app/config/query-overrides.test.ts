import { describe, expect, it } from 'vitest';
import { parseQueryOverrides } from './query-overrides';

describe('parseQueryOverrides', () => {
  it('maps every supported parameter to its config key', () => {
    const { layer, issues } = parseQueryOverrides(
      '?broker=wss%3A%2F%2Fb.example%2Fmqtt&username=ops&password=p%26w&catalog=fw%2Fc.json&readonly=1&kiosk',
    );
    expect(issues).toEqual([]);
    expect(layer).toEqual({
      brokerUrl: 'wss://b.example/mqtt',
      username: 'ops',
      password: 'p&w',
      catalogUrl: 'fw/c.json',
      readOnly: true,
      kiosk: true,
    });
  });

  it.each([
    ['?readonly', true],
    ['?readonly=', true],
    ['?readonly=1', true],
    ['?readonly=true', true],
    ['?readonly=TRUE', true],
    ['?readonly=0', false],
    ['?readonly=false', false],
  ])('%s means readOnly %s', (search, expected) => {
    expect(parseQueryOverrides(search).layer.readOnly).toBe(expected);
  });

  it('rejects a flag value it cannot read, with a message', () => {
    const { layer, issues } = parseQueryOverrides('?kiosk=maybe');
    expect(layer.kiosk).toBeUndefined();
    expect(issues).toEqual([{ key: 'kiosk', source: 'URL', message: 'use kiosk=1 or kiosk=0, not "maybe"' }]);
  });

  it('rejects a broker that is not ws://, wss:// or a path, keeping the other parameters', () => {
    const { layer, issues } = parseQueryOverrides('?broker=http%3A%2F%2Fb%2Fmqtt&username=ops');
    expect(layer).toEqual({ username: 'ops' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ key: 'broker', source: 'URL' });
    expect(issues[0]?.message).toMatch(/ws:\/\/ or wss:\/\//);
  });

  it('sets nothing for an empty query', () => {
    expect(parseQueryOverrides('')).toEqual({ layer: {}, issues: [] });
  });
});
