import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightResult } from './preflight-result.ts';

/** The words of a pre-flight outcome badge: what was compared, never "verified" for a size check alone. */
export function preflightOutcomeKey(result: Pick<PreflightResult, 'outcome' | 'mode'>) {
  if (result.outcome !== 'ok') return `preflight.outcome.${result.outcome}` as const;
  return result.mode === 'md5' ? ('preflight.outcome.okMd5' as const) : ('preflight.outcome.okSize' as const);
}

/** The pre-flight outcome badge words in the active language (the upgrade screen names them too). */
export function usePreflightOutcomeLabel(): (result: Pick<PreflightResult, 'outcome' | 'mode'>) => string {
  const { t } = useTranslation('firmware');
  return useCallback((result: Pick<PreflightResult, 'outcome' | 'mode'>) => t(preflightOutcomeKey(result)), [t]);
}
