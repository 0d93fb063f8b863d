import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { shownBrokerError } from '../broker/broker-error';
import type { ConnectionState } from '../broker/connection-store';
import { useMessageText } from '../ui/i18n/message';
import { useFormat } from '../ui/i18n/use-format';
import { connectionLossOf } from './connection-loss';

/**
 * The banner an operations room notices from across the room while the board is not connected.
 * The first connect after opening is not a loss and gets a quiet line instead, unless it fails.
 */
export function ConnectionBanner({ connection }: { connection: StoreApi<ConnectionState> }) {
  const { t } = useTranslation('kiosk');
  const f = useFormat();
  const loss = useStore(connectionLossOf(connection));
  const phase = useStore(connection, (s) => s.phase);
  const lastError = useStore(connection, (s) => s.lastError);
  const lastErrorInfo = useStore(connection, (s) => s.lastErrorInfo);
  const say = useMessageText();
  if (loss.lostSince === null) return null;
  if (!loss.everConnected && phase === 'connecting' && lastError === null) {
    return <p className="bg-neutral-800 px-[1em] py-[0.4em] text-[1.1em] text-neutral-200">{t('banner.connecting')}</p>;
  }
  const time = f.hourMinute(loss.lostSince);
  const shown = shownBrokerError({ lastError, lastErrorInfo });
  const error = shown === null ? null : say(shown);
  return (
    <div role="alert" className="flex flex-wrap items-baseline gap-x-[1em] bg-red-700 px-[1em] py-[0.5em] text-white">
      <span className="text-[1.6em] font-bold">
        <span aria-hidden="true">⚠ </span>
        {loss.everConnected ? t('banner.lost', { time }) : t('banner.neverConnected', { time })}
      </span>
      <span className="text-[1.05em]">{error !== null ? t('banner.reconnectingWhy', { error }) : t('banner.reconnecting')}</span>
    </div>
  );
}
