import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config-schema';
import { mergeConfig } from './merge-config';

describe('mergeConfig', () => {
  it('gives defaults with source "default" when no layer sets anything', () => {
    const { config, sources } = mergeConfig({ file: {}, saved: {}, query: {} });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config.brokerUrl).toBe('ws://localhost:8083/mqtt');
    expect(config.catalogUrl).toBe('firmware/catalog.json');
    expect(new Set(Object.values(sources))).toEqual(new Set(['default']));
  });

  it('applies defaults < config.json < saved < URL, key by key', () => {
    const { config, sources } = mergeConfig({
      file: { brokerUrl: 'ws://file/mqtt', username: 'file-user', catalogUrl: 'file.json', readOnly: true },
      saved: { brokerUrl: 'ws://saved/mqtt', username: 'saved-user' },
      query: { brokerUrl: '/mqtt' },
    });
    expect(config.brokerUrl).toBe('/mqtt');
    expect(sources.brokerUrl).toBe('URL');
    expect(config.username).toBe('saved-user');
    expect(sources.username).toBe('saved');
    expect(config.catalogUrl).toBe('file.json');
    expect(sources.catalogUrl).toBe('config.json');
    expect(config.readOnly).toBe(true);
    expect(config.kiosk).toBe(false);
    expect(sources.kiosk).toBe('default');
  });

  it('lets an explicit false or empty string override a lower layer', () => {
    const { config, sources } = mergeConfig({
      file: { readOnly: true, username: 'file-user' },
      saved: { username: '' },
      query: { readOnly: false },
    });
    expect(config.readOnly).toBe(false);
    expect(sources.readOnly).toBe('URL');
    expect(config.username).toBe('');
    expect(sources.username).toBe('saved');
  });

  it('does not mutate the defaults', () => {
    mergeConfig({ file: { brokerUrl: 'ws://x/mqtt' }, saved: {}, query: {} });
    expect(DEFAULT_CONFIG.brokerUrl).toBe('ws://localhost:8083/mqtt');
  });
});
