import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightOutcome } from './preflight-result.ts';

/** The pre-flight outcome badge words in the active language (the upgrade screen names them too). */
export function usePreflightOutcomeLabel(): (outcome: PreflightOutcome) => string {
  const { t } = useTranslation('firmware');
  return useCallback((outcome: PreflightOutcome) => t(`preflight.outcome.${outcome}`), [t]);
}
