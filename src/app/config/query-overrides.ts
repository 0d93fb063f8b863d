import { configFieldSchemas, type ConfigIssue, type ConfigLayer } from './config-schema';

export interface QueryOverrides {
  layer: ConfigLayer;
  issues: ConfigIssue[];
}

const TEXT_PARAMS = [
  ['broker', 'brokerUrl'],
  ['username', 'username'],
  ['password', 'password'],
  ['catalog', 'catalogUrl'],
] as const;

const FLAG_PARAMS = [
  ['readonly', 'readOnly'],
  ['kiosk', 'kiosk'],
] as const;

/** `?kiosk` and `?kiosk=1|true` switch on, `?kiosk=0|false` switches off. */
function parseFlag(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === '' || v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

/**
 * The highest-precedence layer: parameters in the page URL, e.g. `?broker=wss://b.example/mqtt&kiosk`.
 * Read from `location.search`; the hash holds the route, so these survive navigation.
 */
export function parseQueryOverrides(search: string): QueryOverrides {
  const params = new URLSearchParams(search);
  const layer: ConfigLayer = {};
  const issues: ConfigIssue[] = [];

  for (const [param, key] of TEXT_PARAMS) {
    const value = params.get(param);
    if (value === null) continue;
    const result = configFieldSchemas[key].safeParse(value);
    if (result.success) layer[key] = result.data;
    else issues.push({ key: param, source: 'URL', message: result.error.issues.map((i) => i.message).join('; ') });
  }
  for (const [param, key] of FLAG_PARAMS) {
    const value = params.get(param);
    if (value === null) continue;
    const flag = parseFlag(value);
    if (flag === null) issues.push({ key: param, source: 'URL', message: `use ${param}=1 or ${param}=0, not "${value}"` });
    else layer[key] = flag;
  }
  return { layer, issues };
}
