import { z } from 'zod';
import type { ProtocolVersionSetting } from '../../broker/protocol-version-memory';
import { configFieldSchemas, type ConfigLayer } from './config-schema';

/** What the user saved in Settings on this device. Empty strings mean "none", overriding lower layers. */
export interface SavedSettings {
  brokerUrl?: string;
  username?: string;
  password?: string;
  protocolVersion?: ProtocolVersionSetting;
  rememberPassword: boolean;
}

export interface SettingsStorage {
  local: Storage | null;
  session: Storage | null;
}

const SETTINGS_KEY = 'ota-console:settings';
const PASSWORD_KEY = 'ota-console:password';

const storedSettingsSchema = z.object({
  brokerUrl: configFieldSchemas.brokerUrl.optional().catch(undefined),
  username: z.string().optional().catch(undefined),
  protocolVersion: configFieldSchemas.protocolVersion.optional().catch(undefined),
  rememberPassword: z.boolean().catch(false),
});

// Storage can throw (quota, disabled site data, private mode): settings are a convenience, never fatal.
function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // see read()
  }
}

export function readSavedSettings(storage: SettingsStorage): SavedSettings {
  let stored: z.infer<typeof storedSettingsSchema> = { rememberPassword: false };
  const text = read(storage.local, SETTINGS_KEY);
  if (text !== null) {
    try {
      const parsed = storedSettingsSchema.safeParse(JSON.parse(text));
      if (parsed.success) stored = parsed.data;
    } catch {
      // a corrupt entry reads as "nothing saved"
    }
  }
  const password = stored.rememberPassword ? read(storage.local, PASSWORD_KEY) : read(storage.session, PASSWORD_KEY);
  const settings: SavedSettings = { rememberPassword: stored.rememberPassword };
  if (stored.brokerUrl !== undefined) settings.brokerUrl = stored.brokerUrl;
  if (stored.username !== undefined) settings.username = stored.username;
  if (stored.protocolVersion !== undefined) settings.protocolVersion = stored.protocolVersion;
  if (password !== null) settings.password = password;
  return settings;
}

/**
 * The password lives in sessionStorage (gone with the tab) unless the user ticked
 * "Remember password on this device"; the other copy is always removed so unticking forgets it.
 */
export function writeSavedSettings(storage: SettingsStorage, settings: SavedSettings): void {
  const { password, ...rest } = settings;
  write(storage.local, SETTINGS_KEY, JSON.stringify(rest));
  const keep = settings.rememberPassword ? storage.local : storage.session;
  const drop = settings.rememberPassword ? storage.session : storage.local;
  write(drop, PASSWORD_KEY, null);
  write(keep, PASSWORD_KEY, password ?? null);
}

export function clearSavedSettings(storage: SettingsStorage): void {
  write(storage.local, SETTINGS_KEY, null);
  write(storage.local, PASSWORD_KEY, null);
  write(storage.session, PASSWORD_KEY, null);
}

export function savedSettingsLayer(settings: SavedSettings): ConfigLayer {
  const layer: ConfigLayer = {};
  if (settings.brokerUrl !== undefined) layer.brokerUrl = settings.brokerUrl;
  if (settings.username !== undefined) layer.username = settings.username;
  if (settings.password !== undefined) layer.password = settings.password;
  if (settings.protocolVersion !== undefined) layer.protocolVersion = settings.protocolVersion;
  return layer;
}
