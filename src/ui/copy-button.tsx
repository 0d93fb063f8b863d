import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

type Outcome = 'idle' | 'copied' | 'failed';

/**
 * Copies text to the clipboard. The Clipboard API is missing outside secure contexts (consoles on
 * a plain-http LAN address), so a failure says how to copy by hand instead of failing silently.
 */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation('common');
  const [outcome, setOutcome] = useState<Outcome>('idle');
  async function copy() {
    try {
      if (typeof navigator === 'undefined' || navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button onClick={() => void copy()}>{label ?? t('copy')}</Button>
      <span role="status" className="text-xs text-slate-600">
        {outcome === 'copied' ? t('copied') : outcome === 'failed' ? t('copyUnavailable') : ''}
      </span>
    </span>
  );
}
