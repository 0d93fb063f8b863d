import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { activeLanguage } from './active-language.ts';
import { formatList, formatNumber, formatPercent, type ListKind } from './format.ts';
import { i18n } from './i18n.ts';
import { FALLBACK_LANGUAGE, normalizeLanguage, type Language, type Namespace } from './languages.ts';

/*
 * A text chosen by a pure module (a validator, a parser, a reducer) and worded where it is shown:
 * the namespace, a key of that namespace and the values, numbers kept as numbers. The screen
 * renders it in the active language (useMessageText), a report or an error message in English
 * (englishText), and a language switch re-words what is on screen.
 */

type StripPlural<K extends string> = K extends `${infer Base}_one` ? Base : K extends `${infer Base}_other` ? Base : K;

/** The dotted keys of a locale object, plural keys by their base name (`x_one`/`x_other` → `x`). */
export type MessageKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${StripPlural<K>}` : MessageKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Items shown as one list of the language ("a, b or c" / "a、b或c"). */
export interface MessageList {
  readonly list: readonly MessageValue[];
  readonly kind: ListKind;
}

/** A percent (0–100) each language writes its way: `{ percent: 12.5 }` → "12.5%". */
export interface MessagePercent {
  readonly percent: number;
}

/** A value of a message: text shown as it is, a number or percent each language formats, a message or a list worded first. */
export type MessageValue = string | number | MessagePercent | Message | MessageList;

export interface Message<Ns extends Namespace = Namespace, Key extends string = string> {
  readonly ns: Ns;
  readonly key: Key;
  /** `count` (a number) picks the plural form. */
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/**
 * The message builder of one namespace, its keys checked against the English locale:
 * `const message = messagesOf<'fleet', typeof en>('fleet')`.
 */
export function messagesOf<Ns extends Namespace, English>(ns: Ns) {
  return (key: MessageKey<English>, values?: Message['values']): Message<Ns, MessageKey<English>> =>
    values === undefined ? { ns, key } : { ns, key, values };
}

export const listOf = (list: readonly MessageValue[], kind: ListKind): MessageList => ({ list, kind });

function valueText(value: MessageValue, language: Language, instance: I18n): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, language);
  if ('percent' in value) return formatPercent(value.percent, language);
  if ('list' in value)
    return formatList(
      value.list.map((item) => valueText(item, language, instance)),
      value.kind,
      language,
    );
  return renderMessage(value, language, instance);
}

/**
 * The message in `language` from `instance`'s resources (English for a key the language lacks).
 * Numbers are grouped the language's way; `count` chooses the plural form and is shown as given
 * (a template that wants it grouped shows a second value, as fleet's `n`).
 */
export function renderMessage(msg: Message, language: Language = activeLanguage(), instance: I18n = i18n): string {
  const replace: Record<string, string> = {};
  for (const [name, value] of Object.entries(msg.values ?? {})) replace[name] = valueText(value, language, instance);
  const count = msg.values?.count;
  // `replace` keeps the values apart from t's options, so a value named like one (ns, lng,
  // context) is still a value. The key was checked where the message was built.
  const t = instance.getFixedT(language, msg.ns) as unknown as (key: string, options: object) => string;
  // Text is shown as given (React escapes what it renders); the app's instance is set up that way,
  // and re-initialising the interpolator per call for one that is not is only paid there.
  const raw = instance.options.interpolation?.escapeValue === false ? {} : { interpolation: { escapeValue: false } };
  return t(msg.key, { replace, ...raw, ...(typeof count === 'number' ? { count } : {}) });
}

/** The English sentence, exactly as the English screen shows it: for reports, errors and logs (text stays as it is). */
export function englishText(text: Message | string): string {
  return typeof text === 'string' ? text : renderMessage(text, FALLBACK_LANGUAGE);
}

/** Renders messages (and text shown as it is) in the active language; the caller re-renders on a switch. */
export function useMessageText(): (text: Message | string) => string {
  const { i18n: instance } = useTranslation();
  const language = normalizeLanguage(instance.language) ?? FALLBACK_LANGUAGE;
  return useCallback(
    (text: Message | string) => (typeof text === 'string' ? text : renderMessage(text, language, instance)),
    [language, instance],
  );
}
