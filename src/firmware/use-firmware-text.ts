import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format.ts';
import { shownValues, type FirmwareKey, type FirmwareMessage } from './firmware-message.ts';
import type { PreflightOutcome } from './preflight-result.ts';

/** Renders FirmwareMessage descriptors in the active language. */
export function useFirmwareText(): (msg: FirmwareMessage) => string {
  const { t } = useTranslation('firmware');
  const f = useFormat();
  // The key is checked where the descriptor is built (FirmwareKey); i18next's per-key typing of
  // the values cannot follow a key known only at run time.
  const translate = t as unknown as (key: FirmwareKey, values: Record<string, string>) => string;
  return useCallback((msg: FirmwareMessage) => translate(msg.key, shownValues(msg.values, f.number)), [translate, f]);
}

/** The pre-flight outcome badge words in the active language (the upgrade screen names them too). */
export function usePreflightOutcomeLabel(): (outcome: PreflightOutcome) => string {
  const { t } = useTranslation('firmware');
  return useCallback((outcome: PreflightOutcome) => t(`preflight.outcome.${outcome}`), [t]);
}
