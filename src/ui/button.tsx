import type { ComponentProps } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

const VARIANT: Record<ButtonVariant, string> = {
  primary: 'bg-slate-900 text-white hover:bg-slate-700',
  secondary: 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-600',
};

/** Every <button> prop, ref included (React 19 passes ref as a prop). */
export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
}

/** type defaults to "button" so a button never submits a surrounding form by accident. */
export function Button({ variant = 'secondary', type = 'button', className, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={`rounded px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${VARIANT[variant]} ${className ?? ''}`}
      {...rest}
    />
  );
}
