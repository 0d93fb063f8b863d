import { useTranslation } from 'react-i18next';
import { shownBrokerError } from '../../broker/broker-error';
import { connectionTrouble } from '../../broker/connection-trouble';
import { useMessageText } from '../../ui/i18n/message';
import { useConnection } from '../app-context';

const TONE = { good: 'text-green-800', bad: 'text-red-800', neutral: 'text-slate-700' } as const;

/**
 * What the connection actually did: connected (where, and with which MQTT version: "auto" may have
 * switched), refused, not authorized, with the broker's reason. "Saved" only says the settings were
 * stored; this says whether they work. With `after` (when the settings were saved), the state the
 * session had before is not taken for the outcome: until the phase changes, it is still connecting.
 */
export function ConnectionOutcome({ after }: { after?: number }) {
  const { t } = useTranslation('app');
  const say = useMessageText();
  const phase = useConnection((s) => s.phase);
  const since = useConnection((s) => s.since);
  const url = useConnection((s) => s.url);
  const protocolVersion = useConnection((s) => s.protocolVersion);
  const lastError = useConnection((s) => s.lastError);
  const lastErrorInfo = useConnection((s) => s.lastErrorInfo);
  const shown = shownBrokerError({ lastError, lastErrorInfo });
  const reason = shown === null ? null : say(shown);
  const { text, tone } = ((): { text: string; tone: keyof typeof TONE } => {
    // The old session's "Connected to" (its URL) is not what the saved settings did.
    if (after !== undefined && since < after) return { text: t('outcome.connecting'), tone: 'neutral' };
    if (phase === 'connected') {
      const protocol = protocolVersion === null ? '' : ` (MQTT ${protocolVersion === 5 ? '5' : '3.1.1'})`;
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
