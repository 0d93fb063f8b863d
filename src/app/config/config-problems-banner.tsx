import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfigIssueList } from './config-issue-list';
import { useMessageText } from '../../ui/i18n/message';
import { configFileMessage } from './load-config-file';
import type { RuntimeConfigState } from './use-runtime-config';

/**
 * Shown on every screen when part of the configuration was rejected: the console still runs
 * (rejected keys fell back), but an operator connected to the wrong broker must be able to see why.
 * A missing config.json is normal and only noted in Settings.
 */
export function ConfigProblemsBanner({ runtime }: { runtime: RuntimeConfigState }) {
  const { t } = useTranslation('app');
  const say = useMessageText();
  if (runtime.status !== 'ready') return null;
  const malformed = runtime.file.kind === 'malformed';
  if (!malformed && runtime.issues.length === 0) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      <p className="font-medium">
        {t('banner.rejected')}{' '}
        <Link to="/settings" className="underline">
          {t('banner.openSettings')}
        </Link>
      </p>
      {malformed ? <p>{say(configFileMessage(runtime.file))}</p> : null}
      <ConfigIssueList issues={runtime.issues} />
    </div>
  );
}
