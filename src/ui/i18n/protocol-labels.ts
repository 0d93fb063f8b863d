import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownResultCode, resultCodeParts, resultCodeText } from '../../protocol/result-codes.ts';
import { statusLabel, stepLabel, subStatusLabel } from '../../protocol/labels.ts';

/** The protocol's words in the active language. src/protocol stays English; this is where they are translated. */
export interface ProtocolLabels {
  status(status: string): string;
  subStatus(subStatus: string): string;
  step(step: string): string;
  resultCode(code: number): string;
}

/**
 * Labels from the 'protocol' bundle of `language` (English for a key it lacks). A key no bundle
 * has (a value a device invented) falls back to src/protocol's English table, which in turn shows
 * an unknown value as sent: support staff must still see what the device said.
 */
export function protocolLabelsFor(instance: I18n, language: string = instance.language): ProtocolLabels {
  const t = instance.getFixedT(language, 'protocol') as unknown as (key: string, values?: Record<string, string | number>) => string;
  // Labels are read for every row shown: each key is resolved once per language.
  const known = new Map<string, string | undefined>();
  const lookup = (key: string): string | undefined => {
    if (!known.has(key)) known.set(key, instance.exists(key, { lng: language, ns: 'protocol' }) ? t(key) : undefined);
    return known.get(key);
  };
  const template = (key: string, values: Record<string, string | number>, english: string) =>
    instance.exists(key, { lng: language, ns: 'protocol' }) ? t(key, values) : english;
  return {
    status: (s) => lookup(`status.${s}`) ?? statusLabel(s),
    subStatus: (s) => lookup(`subStatus.${s}`) ?? subStatusLabel(s),
    step: (s) => lookup(`step.${s}`) ?? stepLabel(s),
    resultCode(code) {
      const known = Number.isInteger(code) ? lookup(`resultCode.${code}`) : undefined;
      if (known !== undefined) return known;
      const english = resultCodeText(code);
      if (isKnownResultCode(code)) return english;
      const parts = resultCodeParts(code);
      if (parts === null) return template('unknownCode', { code: String(code) }, english);
      const source =
        parts.source === 3 || parts.source === 5
          ? template('sourceDevice', {}, 'device')
          : template('sourceOther', { source: parts.source }, `source ${parts.source}`);
      return template('unknownCodeParts', { code, source, module: parts.module, error: parts.error }, english);
    },
  };
}

/** The protocol labels for the active language; the component re-renders on a language switch. */
export function useProtocolLabels(): ProtocolLabels {
  const { i18n } = useTranslation('protocol');
  const language = i18n.language;
  return useMemo(() => protocolLabelsFor(i18n, language), [i18n, language]);
}
