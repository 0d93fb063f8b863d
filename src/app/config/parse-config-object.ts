import { CONFIG_KEYS, configFieldSchemas, type ConfigIssue, type ConfigKey, type ConfigLayer } from './config-schema';

export interface ParsedConfigObject {
  layer: ConfigLayer;
  /** Keys with a value of the wrong type or out of range: they fall back to the next layer down. */
  issues: ConfigIssue[];
  /** Keys we do not know, most likely typos ("brokerURL"): reported, never fatal. */
  unknownKeys: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isConfigKey(key: string): key is ConfigKey {
  return (CONFIG_KEYS as string[]).includes(key);
}

/**
 * Validates the parsed body of config.json key by key: a wrong value costs only that key.
 * `null` counts as "not set", which lets a deployment blank a key explicitly.
 */
export function parseConfigObject(raw: unknown): ParsedConfigObject {
  if (!isPlainObject(raw)) {
    const kind = Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`;
    return {
      layer: {},
      issues: [{ key: '(file)', source: 'config.json', message: `must be a JSON object, got ${kind}` }],
      unknownKeys: [],
    };
  }
  const layer: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  const unknownKeys: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isConfigKey(key)) {
      unknownKeys.push(key);
      continue;
    }
    if (value === null || value === undefined) continue;
    const result = configFieldSchemas[key].safeParse(value);
    if (result.success) {
      layer[key] = result.data;
    } else {
      const message = result.error.issues.map((issue) => issue.message).join('; ');
      issues.push({ key, source: 'config.json', message });
    }
  }
  return { layer: layer as ConfigLayer, issues, unknownKeys };
}
