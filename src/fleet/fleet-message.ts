/**
 * Texts the fleet's pure modules (SN checks, import parsing, add outcomes) hand to the screen: a
 * key of the 'fleet' namespace and its values, translated when rendered (useFleetText), so a
 * language switch re-words them. `englishText` renders one from en.ts without i18next, for the
 * English strings the parsers still expose (import problems, fatal reasons) to callers and tests.
 */
import { en } from './locales/en.ts';

type Base<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;

type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the 'fleet' namespace; plural keys without their _one/_other suffix. */
export type FleetKey = Keys<typeof en>;

export type FleetValue = string | number | FleetMessage;

export interface FleetMessage {
  key: FleetKey;
  /** `count` picks the plural form; a message as a value is translated first. */
  values?: Readonly<Record<string, FleetValue>>;
}

/** A message, or text shown as it is (device data, a browser's error message). */
export type FleetText = FleetMessage | string;

export const message = (key: FleetKey, values?: Readonly<Record<string, FleetValue>>): FleetMessage => (values === undefined ? { key } : { key, values });

/** A template by dotted key, or undefined when the language has none. */
export type TemplateLookup = (path: string) => string | undefined;

export const englishTemplate: TemplateLookup = (path) => {
  let node: unknown = en;
  for (const part of path.split('.')) {
    node = typeof node === 'object' && node !== null && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
};

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralOf(lang: string, count: number): string {
  let rules = pluralRules.get(lang);
  if (rules === undefined) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/**
 * The message through `lookup` (the same plural and {{value}} rules as i18next: `_one`/`_other` by
 * the language's plural rule), English for a key the language lacks, the key itself as a last resort.
 */
export function renderMessage(msg: FleetMessage, lookup: TemplateLookup, lang: string): string {
  const values = msg.values ?? {};
  const count = values.count;
  const find = (path: string) => lookup(path) ?? englishTemplate(path);
  const template =
    typeof count === 'number' ? (find(`${msg.key}_${pluralOf(lang, count)}`) ?? find(`${msg.key}_other`) ?? msg.key) : (find(msg.key) ?? msg.key);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return typeof value === 'object' && value !== undefined ? renderMessage(value, lookup, lang) : String(value);
  });
}

/** The message in English, as the screen shows it in English. */
export const englishText = (msg: FleetMessage): string => renderMessage(msg, englishTemplate, 'en');
