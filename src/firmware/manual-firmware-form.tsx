import { useId, useState, type FormEvent } from 'react';
import { KNOWN_MODEL_KEYS, modelLabel } from '../protocol/models';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import { validateManualFirmware, type ManualFirmwareErrors, type ManualFirmwareField, type ManualFirmwareInput, type ManualFirmwareValues } from './manual-firmware-validation';

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
  const [attempted, setAttempted] = useState(false);
  const modelId = useId();
  const result = validateManualFirmware(values);
  const errors: ManualFirmwareErrors = attempted && !result.ok ? result.errors : {};

  const set = (field: ManualFirmwareField) => (event: { target: { value: string } }) => onChange({ ...values, [field]: event.target.value });

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
    <form aria-label="Add firmware manually" noValidate onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
      <TextField label="Version" value={values.productVersion} onChange={set('productVersion')} error={errors.productVersion} placeholder="10.01.1612" />
      <div className="flex flex-col gap-1">
        <label htmlFor={modelId} className="text-sm font-medium text-slate-800">
          Model
        </label>
        <select
          id={modelId}
          value={values.model}
          onChange={set('model')}
          aria-invalid={errors.model ? true : undefined}
          className="rounded border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">None: the gateway itself</option>
          {KNOWN_MODEL_KEYS.map((key) => (
            <option key={key} value={key}>
              {modelLabel(key)} ({key})
            </option>
          ))}
        </select>
        {errors.model ? <p className="text-sm text-red-700">{errors.model}</p> : null}
      </div>
      <TextField label="File URL" className="sm:col-span-2" value={values.fileUrl} onChange={set('fileUrl')} error={errors.fileUrl} placeholder="https://files.example.com/dock.bin" inputMode="url" />
      <TextField label="File name" value={values.fileName} onChange={set('fileName')} error={errors.fileName} hint="As the dock stores it; no folders." />
      <TextField label="File size (bytes)" value={values.fileSize} onChange={set('fileSize')} error={errors.fileSize} inputMode="numeric" />
      <TextField label="MD5" className="sm:col-span-2" value={values.md5} onChange={set('md5')} error={errors.md5} hint="32 hexadecimal characters." spellCheck={false} />
      <div className="sm:col-span-2">
        <Button type="submit" variant="primary">
          Add firmware
        </Button>
      </div>
    </form>
  );
}
