import { beforeEach, describe, expect, it } from 'vitest';
import { clearSavedSettings, readSavedSettings, savedSettingsLayer, writeSavedSettings, type SettingsStorage } from './saved-settings';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

function values(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i)!)!);
}

describe('saved settings', () => {
  let local: MemoryStorage;
  let session: MemoryStorage;
  let storage: SettingsStorage;
  beforeEach(() => {
    local = new MemoryStorage();
    session = new MemoryStorage();
    storage = { local, session };
  });

  it('keeps the password in session storage only when not remembered', () => {
    writeSavedSettings(storage, { brokerUrl: '/mqtt', username: 'ops', password: 's3cret', rememberPassword: false });
    expect(values(local).some((v) => v.includes('s3cret'))).toBe(false);
    expect(values(session)).toContain('s3cret');
    expect(readSavedSettings(storage)).toEqual({ brokerUrl: '/mqtt', username: 'ops', password: 's3cret', rememberPassword: false });
  });

  it('moves the password to local storage when remembered, and forgets it there when unticked', () => {
    writeSavedSettings(storage, { username: 'ops', password: 's3cret', rememberPassword: true });
    expect(values(local)).toContain('s3cret');
    expect(values(session)).not.toContain('s3cret');
    // A new tab has an empty session storage but still reads the remembered password.
    expect(readSavedSettings({ local, session: new MemoryStorage() }).password).toBe('s3cret');

    writeSavedSettings(storage, { username: 'ops', password: 's3cret', rememberPassword: false });
    expect(values(local).some((v) => v.includes('s3cret'))).toBe(false);
    expect(readSavedSettings({ local, session: new MemoryStorage() }).password).toBeUndefined();
  });

  it('reads a corrupt or tampered entry as nothing saved', () => {
    local.setItem('ota-console:settings', '{not json');
    expect(readSavedSettings(storage)).toEqual({ rememberPassword: false });
    local.setItem('ota-console:settings', JSON.stringify({ brokerUrl: 'http://x', username: 'ops', rememberPassword: 'yes' }));
    expect(readSavedSettings(storage)).toEqual({ username: 'ops', rememberPassword: false });
  });

  it('keeps the MQTT version, and drops one it does not know', () => {
    writeSavedSettings(storage, { protocolVersion: '3.1.1', rememberPassword: false });
    expect(readSavedSettings(storage)).toEqual({ protocolVersion: '3.1.1', rememberPassword: false });
    expect(savedSettingsLayer(readSavedSettings(storage))).toEqual({ protocolVersion: '3.1.1' });
    local.setItem('ota-console:settings', JSON.stringify({ username: 'ops', protocolVersion: '6', rememberPassword: false }));
    expect(readSavedSettings(storage)).toEqual({ username: 'ops', rememberPassword: false });
  });

  it('clears everything on reset', () => {
    writeSavedSettings(storage, { brokerUrl: '/mqtt', password: 'p', rememberPassword: true });
    clearSavedSettings(storage);
    expect(local.length + session.length).toBe(0);
    expect(readSavedSettings(storage)).toEqual({ rememberPassword: false });
  });

  it('survives storage that throws', () => {
    const throwing = new MemoryStorage();
    throwing.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    expect(() => writeSavedSettings({ local: throwing, session: null }, { password: 'p', rememberPassword: true })).not.toThrow();
  });

  it('turns saved settings into a config layer with only what was saved', () => {
    expect(savedSettingsLayer({ rememberPassword: false })).toEqual({});
    expect(savedSettingsLayer({ brokerUrl: '/mqtt', username: '', password: 'p', rememberPassword: true })).toEqual({
      brokerUrl: '/mqtt',
      username: '',
      password: 'p',
    });
  });
});
