import { useTranslation } from 'react-i18next';
import { shownBrokerError } from '../broker/broker-error';
import { Badge } from '../ui/badge';
import { useMessageText } from '../ui/i18n/message';
import { useConnection, useSessionError } from './app-context';

const DOT: Record<string, string> = {
  connected: 'bg-green-600',
  connecting: 'bg-amber-500',
  reconnecting: 'bg-amber-500',
  disconnected: 'bg-red-600',
};

/**
 * The "Broker connection" status of the accessibility contract, shown on every screen. The status
 * element holds only the phase word (tests and screen readers read it whole); the reason and the
 * read-only badge sit beside it.
 */
export function ConnectionStatus({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('app');
  const { t: common } = useTranslation('common');
  const say = useMessageText();
  const phase = useConnection((s) => s.phase);
  const lastError = useConnection((s) => s.lastError);
  const lastErrorInfo = useConnection((s) => s.lastErrorInfo);
  const sessionError = useSessionError();
  const brokerError = shownBrokerError({ lastError, lastErrorInfo });
  const reason = phase === 'connected' ? null : (sessionError ?? (brokerError === null ? null : say(brokerError)));
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {readOnly ? <Badge tone="info">{t('connection.readOnly')}</Badge> : null}
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[phase]}`} />
      <span role="status" aria-label={t('connection.name')} className="font-medium">
        {t(`connection.${phase}`)}
      </span>
      {reason ? (
        <span className="max-w-xs truncate text-slate-500" title={reason}>
          {common('brokerError.aside', { reason })}
        </span>
      ) : null}
    </div>
  );
}
