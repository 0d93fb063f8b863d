import { useState, type FormEvent } from 'react';
import { snProblem } from '../protocol/sn.ts';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import { addProblem } from './add-outcome-text.ts';
import type { AddOutcome } from './fleet-roster.ts';

export interface AddGatewayFormProps {
  onAdd: (sn: string) => AddOutcome;
}

/** Adds one gateway by SN; the SN is checked before it can ever become part of a topic. */
export function AddGatewayForm({ onAdd }: AddGatewayFormProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sn = value.trim();
    const problem = snProblem(sn) ?? addProblem(onAdd(sn));
    setError(problem);
    setAdded(problem === null ? sn : null);
    if (problem === null) setValue('');
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a gateway" className="flex flex-wrap items-end gap-2">
      <TextField
        label="Gateway SN"
        hint="Letters, digits, - and _; up to 64 characters."
        value={value}
        error={error}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setValue(e.target.value);
          if (error !== null) setError(null);
        }}
        className="min-w-64"
      />
      <Button type="submit" variant="primary" className="mb-6">
        Add gateway
      </Button>
      <p role="status" className="mb-6 text-sm text-green-800">
        {added === null ? '' : `Added gateway ${added}`}
      </p>
    </form>
  );
}
