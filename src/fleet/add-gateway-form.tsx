import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import { addProblem } from './add-outcome-text.ts';
import type { FleetText } from './fleet-message.ts';
import type { AddOutcome } from './fleet-roster.ts';
import { snIssue } from './sn-issue.ts';
import { useMessageText } from '../ui/i18n/message.ts';

export interface AddGatewayFormProps {
  onAdd: (sn: string) => AddOutcome;
}

/** Adds one gateway by SN; the SN is checked before it can ever become part of a topic. */
export function AddGatewayForm({ onAdd }: AddGatewayFormProps) {
  const { t } = useTranslation('fleet');
  const text = useMessageText();
  const [value, setValue] = useState('');
  const [error, setError] = useState<FleetText | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sn = value.trim();
    const problem = snIssue(sn) ?? addProblem(onAdd(sn));
    setError(problem);
    setAdded(problem === null ? sn : null);
    if (problem === null) setValue('');
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('add.formLabel')} className="flex flex-wrap items-end gap-2">
      <TextField
        label={t('add.snLabel')}
        hint={t('add.snHint')}
        value={value}
        error={error === null ? null : text(error)}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setValue(e.target.value);
          if (error !== null) setError(null);
        }}
        className="min-w-64"
      />
      <Button type="submit" variant="primary" className="mb-6">
        {t('add.submit')}
      </Button>
      <p role="status" className="mb-6 text-sm text-green-800">
        {added === null ? '' : t('add.added', { sn: added })}
      </p>
    </form>
  );
}
