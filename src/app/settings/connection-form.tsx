import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { CheckboxField } from '../../ui/checkbox-field';
import { TextField } from '../../ui/text-field';
import { brokerUrlProblem } from '../config/broker-url';
import type { SavedSettings } from '../config/saved-settings';
import type { ProtocolVersionSetting } from '../../broker/protocol-version-memory';
import { ProtocolVersionField } from './protocol-version-field';

export interface ConnectionFormValues {
  brokerUrl: string;
  username: string;
  password: string;
  protocolVersion: ProtocolVersionSetting;
  rememberPassword: boolean;
}

export interface ConnectionFormProps {
  initial: ConnectionFormValues;
  /** Fields set by the page URL: saving still works, but the URL keeps winning until it changes. */
  overriddenByUrl: { brokerUrl: boolean; username: boolean; password: boolean };
  onSave(settings: SavedSettings): void;
  onReset(): void;
}

export function ConnectionForm({ initial, overriddenByUrl, onSave, onReset }: ConnectionFormProps) {
  const { t } = useTranslation('app');
  const urlWins = t('form.urlWins');
  const [values, setValues] = useState(initial);
  const [brokerUrlError, setBrokerUrlError] = useState<string | null>(null);
  const brokerUrlInput = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = brokerUrlProblem(values.brokerUrl);
    setBrokerUrlError(problem);
    if (problem) {
      brokerUrlInput.current?.focus();
      return;
    }
    onSave({
      brokerUrl: values.brokerUrl.trim(),
      username: values.username,
      password: values.password,
      protocolVersion: values.protocolVersion,
      rememberPassword: values.rememberPassword,
    });
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="connection-heading" className="flex max-w-xl flex-col gap-4">
      <h2 id="connection-heading" className="text-lg font-semibold">
        {t('form.heading')}
      </h2>
      <TextField
        ref={brokerUrlInput}
        label={t('form.brokerUrl')}
        name="brokerUrl"
        autoComplete="url"
        spellCheck={false}
        value={values.brokerUrl}
        hint={`${t('form.brokerUrlHint')}${overriddenByUrl.brokerUrl ? ` ${urlWins}` : ''}`}
        error={brokerUrlError}
        onChange={(e) => {
          setValues({ ...values, brokerUrl: e.target.value });
          setBrokerUrlError(null);
        }}
      />
      <TextField
        label={t('form.username')}
        name="username"
        autoComplete="username"
        value={values.username}
        {...(overriddenByUrl.username ? { hint: urlWins } : {})}
        onChange={(e) => setValues({ ...values, username: e.target.value })}
      />
      <TextField
        label={t('form.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={values.password}
        {...(overriddenByUrl.password ? { hint: urlWins } : {})}
        onChange={(e) => setValues({ ...values, password: e.target.value })}
      />
      <ProtocolVersionField value={values.protocolVersion} onChange={(protocolVersion) => setValues({ ...values, protocolVersion })} />
      <CheckboxField
        label={t('form.remember')}
        hint={t('form.rememberHint')}
        checked={values.rememberPassword}
        onChange={(e) => setValues({ ...values, rememberPassword: e.target.checked })}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary">
          {t('form.save')}
        </Button>
        <Button onClick={onReset}>{t('form.resetDefaults')}</Button>
      </div>
    </form>
  );
}
