import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfigIssueList } from './config/config-issue-list';
import type { SavedSettings } from './config/saved-settings';
import { useMessageText } from '../ui/i18n/message';
import { configFileMessage } from './config/load-config-file';
import { useRuntimeConfig } from './config/use-runtime-config';
import { ConnectionForm } from './settings/connection-form';
import { EffectiveConfigTable } from './settings/effective-config-table';
import { LanguageSwitch } from './settings/language-switch';
import { ThemeSwitch } from './settings/theme-switch';
import { ConnectionOutcome } from './settings/connection-outcome';
import { SessionSummary } from './settings/session-summary';
import { BrokerCapabilityNote } from '../campaigns/broker-capability-note';
import { StorageNote, useStorageStatusSource } from './settings/storage-note';
import { useSavedSettings, useSettingsActions } from './app-context';

export default function SettingsScreen() {
  const { t } = useTranslation('app');
  const say = useMessageText();
  const runtime = useRuntimeConfig();
  const rememberPassword = useSavedSettings().rememberPassword;
  const settingsActions = useSettingsActions();
  const storage = useStorageStatusSource();
  const [notice, setNotice] = useState<'savedRemembered' | 'savedSession' | 'reset' | null>(null);
  const [savedAt, setSavedAt] = useState(0);
  const [formGeneration, setFormGeneration] = useState(0);

  if (runtime.status !== 'ready') {
    return (
      <section aria-labelledby="screen-title" className="p-6">
        <h1 id="screen-title" className="text-xl font-semibold">
          {t('settings.title')}
        </h1>
        <p className="text-slate-500">{t('settings.loading')}</p>
      </section>
    );
  }

  const { config, sources } = runtime;
  const initial = {
    brokerUrl: config.brokerUrl,
    username: config.username ?? '',
    password: config.password ?? '',
    protocolVersion: config.protocolVersion,
    rememberPassword,
  };

  function save(settings: SavedSettings) {
    settingsActions.saveAndReconnect(settings);
    setSavedAt(Date.now());
    setNotice(settings.rememberPassword ? 'savedRemembered' : 'savedSession');
  }

  function reset() {
    settingsActions.resetAndReconnect();
    setSavedAt(Date.now());
    // Remount the form so it shows the values that now apply, not what was typed.
    setFormGeneration((g) => g + 1);
    setNotice('reset');
  }

  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-8 p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        {t('settings.title')}
      </h1>
      <LanguageSwitch />
      <ThemeSwitch />
      <div className="flex flex-col gap-2">
        <ConnectionForm
          key={formGeneration}
          initial={initial}
          overriddenByUrl={{
            brokerUrl: sources.brokerUrl === 'URL',
            username: sources.username === 'URL',
            password: sources.password === 'URL',
          }}
          onSave={save}
          onReset={reset}
        />
        {/* The notice says the settings were stored, neutrally; the outcome below it says whether they work. */}
        <div role="status" aria-live="polite" className="flex min-h-5 flex-col gap-0.5 text-sm">
          {notice === null ? null : (
            <>
              <p className="text-slate-700">{t(`settings.${notice}`)}</p>
              <p>
                <ConnectionOutcome after={savedAt} />
              </p>
            </>
          )}
        </div>
      </div>
      <SessionSummary config={config} />
      {storage === null ? null : <StorageNote source={storage} />}
      <BrokerCapabilityNote />
      <section aria-labelledby="config-file-heading" className="flex flex-col gap-2 text-sm">
        <h2 id="config-file-heading" className="text-lg font-semibold">
          {t('settings.sourcesHeading')}
        </h2>
        <p>{say(configFileMessage(runtime.file))}</p>
        <p className="text-slate-600">{t('settings.precedence')}</p>
        {runtime.issues.length > 0 ? (
          <div className="text-red-800">
            <h3 className="font-medium">{t('settings.rejectedHeading')}</h3>
            <ConfigIssueList issues={runtime.issues} />
          </div>
        ) : null}
        {runtime.unknownKeys.length > 0 ? (
          <p className="text-amber-900">{t('settings.unknownKeys', { keys: runtime.unknownKeys.join(', ') })}</p>
        ) : null}
      </section>
      <EffectiveConfigTable config={config} sources={sources} />
    </section>
  );
}
