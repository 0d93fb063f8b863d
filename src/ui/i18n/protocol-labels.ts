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

type Values = Record<string, string | number>;

function interpolate(template: string, values: Values): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/**
 * Labels read straight from the 'protocol' bundle of `language`. A key the bundle lacks (a value a
 * device invented, or a translation not loaded) falls back to src/protocol's English table, which in
 * turn shows an unknown value as sent: support staff must still see what the device said.
 */
export function protocolLabelsFor(instance: I18n, language: string = instance.language): ProtocolLabels {
  const lookup = (key: string): string | undefined => {
    const value: unknown = instance.getResource(language, 'protocol', key);
    return typeof value === 'string' ? value : undefined;
  };
  const template = (key: string, values: Values, english: string) => {
    const text = lookup(key);
    return text === undefined ? english : interpolate(text, values);
  };
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
      const source = parts.source === 3 || parts.source === 5 ? template('sourceDevice', {}, 'device') : template('sourceOther', { source: parts.source }, `source ${parts.source}`);
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
