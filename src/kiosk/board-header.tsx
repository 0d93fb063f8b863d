import { Trans, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ConnectionState } from '../broker/connection-store';
import { useFormat } from '../ui/i18n/use-format';

const DOT: Record<ConnectionState['phase'], string> = {
  connected: 'bg-green-500',
  connecting: 'bg-amber-400',
  reconnecting: 'bg-amber-400',
  disconnected: 'bg-red-500',
};

interface BoardHeaderProps {
  connection: StoreApi<ConnectionState>;
  gatewayPrefix: string | null;
  now: number;
}

/** Title, filter, wall clock, and the contract's "Broker connection" status with the last message's age. */
export function BoardHeader({ connection, gatewayPrefix, now }: BoardHeaderProps) {
  const { t } = useTranslation('kiosk');
  // The contract's connection status, worded as the operator shell words it.
  const { t: tApp } = useTranslation('app');
  const f = useFormat();
  const phase = useStore(connection, (s) => s.phase);
  const lastMessageAt = useStore(connection, (s) => s.lastMessageAt);
  return (
    <header className="flex items-center gap-[1.2em] border-b border-neutral-700 px-[1em] py-[0.5em]">
      <h1 className="text-[1.6em] font-bold tracking-tight">{t('header.title')}</h1>
      {gatewayPrefix !== null ? (
        <span className="rounded bg-neutral-800 px-[0.5em] py-[0.1em] text-[1.1em]">
          <Trans
            t={t}
            i18nKey="header.gateways"
            values={{ prefix: gatewayPrefix }}
            components={{ prefix: <span className="font-mono" /> }}
          />
        </span>
      ) : null}
      <div className="ml-auto flex items-center gap-[1.2em] text-[1.1em]">
        <span className="text-neutral-300">
          {lastMessageAt === null
            ? t('header.noMessage')
            : t('header.lastMessage', { age: f.durationAgo(Math.max(0, now - lastMessageAt)) })}
        </span>
        <span className="flex items-center gap-[0.4em]">
          <span aria-hidden="true" className={`inline-block h-[0.8em] w-[0.8em] rounded-full ${DOT[phase]}`} />
          <span role="status" aria-label={tApp('connection.name')} className="font-semibold">
            {tApp(`connection.${phase}`)}
          </span>
        </span>
        <time className="font-mono text-[1.3em] font-semibold tabular-nums">{f.hourMinute(now)}</time>
      </div>
    </header>
  );
}
