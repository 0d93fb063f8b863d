/**
 * Texts of the Upgrade screen's pure modules (skip reasons, start reasons, option errors) as data:
 * a key of the 'upgrades' namespace and its values, translated where they are shown. Values may be
 * messages or lists themselves, so a sentence is translated as a whole and never glued from parts.
 * This module stays free of i18next; `englishText` reads en.ts for logs and the English tests.
 */
import { en } from './locales/en.ts';

type StripPlural<K extends string> = K extends `${infer Base}_one` ? Base : K extends `${infer Base}_other` ? Base : K;

type KeyPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${StripPlural<K>}` : KeyPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the 'upgrades' namespace (plural keys by their base name). */
export type UpgradesKey = KeyPaths<typeof en>;

/** A list shown joined by the language's separator ("A or B" / "A 或 B"). */
export interface MessageList {
  list: readonly MessageValue[];
  join: 'or' | 'and' | 'comma' | 'semicolon';
}

export type MessageValue = string | number | Message | MessageList;

export interface Message {
  key: UpgradesKey;
  /** `count` picks the plural form. */
  values?: Readonly<Record<string, MessageValue>>;
}

export const message = (key: UpgradesKey, values?: Message['values']): Message => (values === undefined ? { key } : { key, values });

export const listOf = (list: readonly MessageValue[], join: MessageList['join']): MessageList => ({ list, join });

/** Looks a key up and fills it in: how one language turns (key, flat values) into a sentence. */
export type Translate = (key: UpgradesKey, values: Record<string, string | number>) => string;

function valueText(value: MessageValue, translate: Translate): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('list' in value) return value.list.map((item) => valueText(item, translate)).join(translate(`join.${value.join}`, {}));
  return renderMessage(value, translate);
}

/** The message in the language of `translate`, nested messages and lists first. */
export function renderMessage(msg: Message, translate: Translate): string {
  const flat: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.values ?? {})) flat[name] = valueText(value, translate);
  return translate(msg.key, flat);
}

function lookupEnglish(path: string): string | undefined {
  let node: unknown = en;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const englishTranslate: Translate = (key, values) => {
  const count = values.count;
  const plural = typeof count === 'number' ? lookupEnglish(`${key}_${count === 1 ? 'one' : 'other'}`) : undefined;
  const template = plural ?? lookupEnglish(key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
};

/** The English sentence, from the same en.ts the screen uses (for logs and language-independent tests). */
export function englishText(msg: Message): string {
  return renderMessage(msg, englishTranslate);
}
