import { useStore } from 'zustand';
import { activeSessionStore } from '../../broker/active-session';
import { connectionStore } from '../../broker/connection-store';
import type { RuntimeConfig } from '../config/config-schema';

/** Who this console is on the broker: role, client id, whether it may publish. */
export function SessionSummary({ config }: { config: RuntimeConfig }) {
  const clientId = useStore(activeSessionStore, (s) => s.session?.clientId ?? null);
  const url = useStore(connectionStore, (s) => s.url);
  const protocolVersion = useStore(connectionStore, (s) => s.protocolVersion);
  const readOnly = config.readOnly || config.kiosk;
  const why = config.kiosk ? 'kiosk mode' : 'read-only mode';
  return (
    <section aria-labelledby="session-heading" className="flex flex-col gap-1 text-sm">
      <h2 id="session-heading" className="text-lg font-semibold">
        This console
      </h2>
      <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Role</dt>
        <dd>{config.kiosk ? 'kiosk' : 'operator'}</dd>
        <dt className="font-medium">Publishing</dt>
        <dd>{readOnly ? `Read-only: nothing is published (${why})` : 'Allowed'}</dd>
        <dt className="font-medium">Client id</dt>
        <dd className="font-mono">{clientId ?? 'no session yet'}</dd>
        <dt className="font-medium">Connected to</dt>
        <dd className="font-mono break-all">
          {url ?? 'not yet'}
          {protocolVersion ? ` (MQTT ${protocolVersion === 5 ? '5' : '3.1.1'})` : ''}
        </dd>
      </dl>
    </section>
  );
}
