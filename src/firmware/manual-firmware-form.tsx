import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWN_MODEL_KEYS, modelLabel } from '../protocol/models';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import {
  checkManualFirmware,
  type ManualFirmwareField,
  type ManualFirmwareInput,
  type ManualFirmwareProblems,
  type ManualFirmwareValues,
} from './manual-firmware-validation';
import { useMessageText } from '../ui/i18n/message';

export interface ManualFirmwareFormProps {
  values: ManualFirmwareValues;
  onChange: (values: ManualFirmwareValues) => void;
  /** Called with a valid entry; the caller saves it and clears the form. */
  onSubmit: (input: ManualFirmwareInput) => void;
}

/**
 * Controlled so the hash tool can fill in name, size and MD5. Errors show after the first submit
 * attempt and then follow every keystroke, so a fixed field clears its message at once.
 */
export function ManualFirmwareForm({ values, onChange, onSubmit }: ManualFirmwareFormProps) {
  const { t } = useTranslation('firmware');
  const text = useMessageText();
  const [attempted, setAttempted] = useState(false);
  const modelId = useId();
  const result = checkManualFirmware(values);
  const problems: ManualFirmwareProblems = attempted && !result.ok ? result.problems : {};
  const error = (field: ManualFirmwareField) => {
    const problem = problems[field];
    return problem ? text(problem) : undefined;
  };

  const set = (field: ManualFirmwareField) => (event: { target: { value: string } }) =>
    onChange({ ...values, [field]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!result.ok) {
      setAttempted(true);
      return;
    }
    setAttempted(false);
    onSubmit(result.input);
  };

  return (
    <form aria-label={t('form.label')} noValidate onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
      <TextField
        label={t('form.version')}
        value={values.productVersion}
        onChange={set('productVersion')}
        error={error('productVersion')}
        placeholder="10.01.1612"
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={modelId} className="text-sm font-medium text-slate-800">
          {t('form.model')}
        </label>
        <select
          id={modelId}
          value={values.model}
          onChange={set('model')}
          aria-invalid={problems.model ? true : undefined}
          className="rounded border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">{t('form.modelNone')}</option>
          {KNOWN_MODEL_KEYS.map((key) => (
            <option key={key} value={key}>
              {t('form.modelOption', { label: modelLabel(key), model: key })}
            </option>
          ))}
        </select>
        {problems.model ? <p className="text-sm text-red-700">{error('model')}</p> : null}
      </div>
      <TextField
        label={t('form.fileUrl')}
        className="sm:col-span-2"
        value={values.fileUrl}
        onChange={set('fileUrl')}
        error={error('fileUrl')}
        placeholder="https://files.example.com/dock.bin"
        inputMode="url"
      />
      <TextField
        label={t('form.fileName')}
        value={values.fileName}
        onChange={set('fileName')}
        error={error('fileName')}
        hint={t('form.fileNameHint')}
      />
      <TextField
        label={t('form.fileSize')}
        value={values.fileSize}
        onChange={set('fileSize')}
        error={error('fileSize')}
        inputMode="numeric"
      />
      <TextField
        label={t('form.md5')}
        className="sm:col-span-2"
        value={values.md5}
        onChange={set('md5')}
        error={error('md5')}
        hint={t('form.md5Hint')}
        spellCheck={false}
      />
      <div className="sm:col-span-2">
        <Button type="submit" variant="primary">
          {t('form.submit')}
        </Button>
      </div>
    </form>
  );
}
