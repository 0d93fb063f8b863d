import { useTranslation } from 'react-i18next';
import { shownBrokerError } from '../../broker/broker-error';
import { connectionTrouble } from '../../broker/connection-trouble';
import { useMessageText } from '../../ui/i18n/message';
import { useConnection } from '../app-context';

const TONE = { good: 'text-green-800', bad: 'text-red-800', neutral: 'text-slate-700' } as const;

/**
 * What the connection actually did: connected (and where), refused, not authorized, with the
 * broker's reason. "Saved" only says the settings were stored; this says whether they work.
 */
export function ConnectionOutcome({ withProtocol = false }: { withProtocol?: boolean }) {
  const { t } = useTranslation('app');
  const say = useMessageText();
  const phase = useConnection((s) => s.phase);
  const url = useConnection((s) => s.url);
  const protocolVersion = useConnection((s) => s.protocolVersion);
  const lastError = useConnection((s) => s.lastError);
  const lastErrorInfo = useConnection((s) => s.lastErrorInfo);
  const shown = shownBrokerError({ lastError, lastErrorInfo });
  const reason = shown === null ? null : say(shown);
  const { text, tone } = ((): { text: string; tone: keyof typeof TONE } => {
    if (phase === 'connected') {
      const protocol = withProtocol && protocolVersion !== null ? ` (MQTT ${protocolVersion === 5 ? '5' : '3.1.1'})` : '';
      return { text: t('outcome.connected', { url: url ?? '' }) + protocol, tone: 'good' };
    }
    if (reason === null) return { text: phase === 'disconnected' ? t('outcome.notConnected') : t('outcome.connecting'), tone: 'neutral' };
    const trouble = connectionTrouble(lastErrorInfo);
    if (trouble === 'notAuthorized') return { text: t('outcome.notAuthorized', { reason }), tone: 'bad' };
    if (trouble === 'refused') return { text: t('outcome.refused', { reason }), tone: 'bad' };
    return { text: t('outcome.lost', { reason }), tone: 'neutral' };
  })();
  return <span className={`${TONE[tone]} break-all`}>{text}</span>;
}
