import { useId, type InputHTMLAttributes } from 'react';

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'aria-describedby'> {
  label: string;
  hint?: string;
}

export function CheckboxField({ label, hint, className, ...input }: CheckboxFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={`flex flex-col gap-0.5 ${className ?? ''}`}>
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" aria-describedby={hint ? hintId : undefined} className="h-4 w-4" {...input} />
        <label htmlFor={id} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={hintId} className="pl-6 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
