import { formatNumber } from '../ui/i18n/format.ts';
import { en } from './locales/en.ts';

type LeafPaths<T, Prefix extends string = ''> = {
  // Plural forms (x_one / x_other) are chosen by i18next from a count: not descriptor keys.
  [K in keyof T & string]: T[K] extends string ? (K extends `${string}_${'one' | 'other'}` ? never : `${Prefix}${K}`) : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A text of the 'firmware' namespace, e.g. 'preflight.detail.sizeOk'. */
export type FirmwareKey = LeafPaths<typeof en>;

/**
 * A sentence chosen by a pure module and translated at render (useFirmwareText). Numbers stay
 * numbers here so each language groups their digits its own way.
 */
export interface FirmwareMessage {
  key: FirmwareKey;
  values?: Readonly<Record<string, string | number>>;
}

export function message(key: FirmwareKey, values?: Readonly<Record<string, string | number>>): FirmwareMessage {
  return values === undefined ? { key } : { key, values };
}

function template(key: FirmwareKey): string {
  let node: unknown = en;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return node as string;
}

/** Values as shown: numbers grouped per language ("200,001" / "200,001"), text unchanged. */
export function shownValues(values: FirmwareMessage['values'], number: (n: number) => string): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(values ?? {})) shown[name] = typeof value === 'number' ? number(value) : value;
  return shown;
}

/** The English sentence, exactly as the English screen shows it: for errors, logs and node tests. */
export function englishText(msg: FirmwareMessage): string {
  const values = shownValues(msg.values, (n) => formatNumber(n, 'en'));
  return template(msg.key).replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
