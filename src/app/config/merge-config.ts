import { CONFIG_KEYS, DEFAULT_CONFIG, type ConfigKey, type ConfigLayer, type ConfigSource, type RuntimeConfig } from './config-schema';

export interface ConfigLayers {
  file: ConfigLayer;
  saved: ConfigLayer;
  query: ConfigLayer;
}

export interface EffectiveConfig {
  config: RuntimeConfig;
  sources: Record<ConfigKey, ConfigSource>;
}

const ORDER: readonly [ConfigSource, keyof ConfigLayers][] = [
  ['config.json', 'file'],
  ['saved', 'saved'],
  ['URL', 'query'],
];

function take<K extends ConfigKey>(config: RuntimeConfig, layer: ConfigLayer, key: K): boolean {
  const value: RuntimeConfig[K] | undefined = layer[key];
  if (value === undefined) return false;
  config[key] = value;
  return true;
}

/** defaults < config.json < saved in this browser < URL query, key by key. */
export function mergeConfig(layers: ConfigLayers): EffectiveConfig {
  const config: RuntimeConfig = { ...DEFAULT_CONFIG };
  const sources = Object.fromEntries(CONFIG_KEYS.map((key) => [key, 'default'])) as Record<ConfigKey, ConfigSource>;
  for (const [source, name] of ORDER) {
    for (const key of CONFIG_KEYS) {
      if (take(config, layers[name], key)) sources[key] = source;
    }
  }
  return { config, sources };
}
