import { useStore } from 'zustand';
import { CONNECTION_LABEL, connectionStore } from '../broker/connection-store';

const DOT: Record<string, string> = {
  connected: 'bg-green-600',
  connecting: 'bg-amber-500',
  reconnecting: 'bg-amber-500',
  disconnected: 'bg-red-600',
};

/** The "Broker connection" status of the accessibility contract, shown on every screen. */
export function ConnectionStatus() {
  const phase = useStore(connectionStore, (s) => s.phase);
  const lastError = useStore(connectionStore, (s) => s.lastError);
  return (
    <div role="status" aria-label="Broker connection" className="flex items-center gap-2 text-sm">
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[phase]}`} />
      <span className="font-medium">{CONNECTION_LABEL[phase]}</span>
      {phase !== 'connected' && lastError ? <span className="text-slate-500">({lastError})</span> : null}
    </div>
  );
}
