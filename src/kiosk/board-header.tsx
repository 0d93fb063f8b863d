import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { CONNECTION_LABEL, type ConnectionState } from '../broker/connection-store';
import { formatAge } from '../upgrades/monitor/format';
import { formatHourMinute } from './format';

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
  const phase = useStore(connection, (s) => s.phase);
  const lastMessageAt = useStore(connection, (s) => s.lastMessageAt);
  return (
    <header className="flex items-center gap-[1.2em] border-b border-neutral-700 px-[1em] py-[0.5em]">
      <h1 className="text-[1.6em] font-bold tracking-tight">Firmware upgrades</h1>
      {gatewayPrefix !== null ? (
        <span className="rounded bg-neutral-800 px-[0.5em] py-[0.1em] text-[1.1em]">
          Gateways <span className="font-mono">{gatewayPrefix}…</span>
        </span>
      ) : null}
      <div className="ml-auto flex items-center gap-[1.2em] text-[1.1em]">
        <span className="text-neutral-300">
          {lastMessageAt === null ? 'No message yet' : `Last message ${formatAge(Math.max(0, now - lastMessageAt))}`}
        </span>
        <span className="flex items-center gap-[0.4em]">
          <span aria-hidden="true" className={`inline-block h-[0.8em] w-[0.8em] rounded-full ${DOT[phase]}`} />
          <span role="status" aria-label="Broker connection" className="font-semibold">
            {CONNECTION_LABEL[phase]}
          </span>
        </span>
        <time className="font-mono text-[1.3em] font-semibold tabular-nums">{formatHourMinute(now)}</time>
      </div>
    </header>
  );
}
