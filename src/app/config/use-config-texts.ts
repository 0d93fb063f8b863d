import { useTranslation } from 'react-i18next';
import type { ConfigIssue } from './config-schema';
import type { ConfigFileResult } from './load-config-file';

/** Config notes in the active language (describeConfigFile stays as the English text for logs and tests). Issue messages come from the validators and stay as written. */
export function useConfigTexts() {
  const { t } = useTranslation('app');
  return {
    describeFile(result: ConfigFileResult): string {
      switch (result.kind) {
        case 'loaded':
          return t('configFile.loaded');
        case 'missing':
          return t('configFile.missing', { status: result.status });
        case 'not-json':
          return t('configFile.notJson');
        case 'malformed':
          return t('configFile.malformed', { message: result.message });
        case 'unreachable':
          return t('configFile.unreachable', { message: result.message });
      }
    },
    issueFrom(source: ConfigIssue['source']): string {
      return t(`configIssue.from.${source}`);
    },
    issueNote(issue: ConfigIssue): string {
      return t('configIssue.note', { key: issue.key, from: t(`effective.from.${issue.source}`), message: issue.message });
    },
  };
}
