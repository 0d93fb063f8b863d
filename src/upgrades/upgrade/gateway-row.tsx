import { memo } from 'react';
import type { Firmware } from '../../firmware/firmware';
import { useGateway } from '../../fleet/fleet-hooks';
import type { FleetGateway } from '../../fleet/fleet-model';
import { livenessAt, type Liveness } from '../../fleet/fleet-selectors';
import { useClockValue } from '../../fleet/use-clock';
import { Badge } from '../../ui/badge';
import { resolveGateway, willSend } from './resolve-targets';
import { selectionStore, useIsSelected } from './selection-store';
import { skipReasonText } from './skip-reasons';
import { useActiveTaskBid } from './use-resolutions';

export const GATEWAY_ROW_HEIGHT = 60;

const LIVENESS_LOOK: Record<Liveness, { label: string; tone: 'success' | 'warning' | 'neutral' }> = {
  online: { label: 'Online', tone: 'success' },
  stale: { label: 'Stale', tone: 'warning' },
  unseen: { label: 'Never seen', tone: 'neutral' },
};

function devicesSummary(gateway: FleetGateway): string {
  return gateway.devices
    .filter((d) => d.role === 'gateway' || d.inTopology)
    .map((d) => `${d.productName ?? d.modelKey ?? 'unknown model'} ${d.firmwareVersion ?? '(version not reported)'}`)
    .join(' · ');
}

function Verdict({ gateway, liveness, chosen }: { gateway: FleetGateway; liveness: Liveness; chosen: readonly Firmware[] }) {
  const activeTaskBid = useActiveTaskBid(gateway.sn);
  if (chosen.length === 0) return null;
  const resolution = resolveGateway({ gateway, liveness, activeTaskBid }, chosen);
  if (willSend(resolution)) {
    const text = `Will upgrade ${resolution.targets.map((t) => `${t.sn} to ${t.firmware.productVersion}`).join(', ')}`;
    return (
      <span className="truncate text-green-800" title={text}>
        {text}
      </span>
    );
  }
  const [first, ...rest] = resolution.skip;
  const text = first ? `Skipped: ${skipReasonText(first)}${rest.length > 0 ? ` (+${rest.length} more)` : ''}` : '';
  const full = resolution.skip.map(skipReasonText).join('; ');
  return (
    <span className="truncate text-amber-800" title={full}>
      {text}
    </span>
  );
}

/** One selectable gateway: its devices, liveness, and whether the chosen firmware would go to it (and if not, why). */
export const GatewayRow = memo(function GatewayRow({ sn, chosen }: { sn: string; chosen: readonly Firmware[] }) {
  const gateway = useGateway(sn);
  const selected = useIsSelected(sn);
  const lastSeen = gateway?.lastSeen ?? null;
  const liveness = useClockValue((now) => livenessAt(lastSeen, now));
  if (gateway === undefined) return null;
  const look = LIVENESS_LOOK[liveness];
  return (
    <div className="flex h-full flex-col justify-center gap-0.5 px-3 text-sm">
      <div className="flex min-w-0 items-center gap-2">
        <input
          type="checkbox"
          className="h-4 w-4 shrink-0"
          aria-label={`Select gateway ${sn}`}
          checked={selected}
          onChange={(e) => selectionStore.getState().gatewayToggled(sn, e.target.checked)}
        />
        <span className="font-mono font-medium">{sn}</span>
        <Badge tone={look.tone}>{look.label}</Badge>
        {gateway.upgrading ? <Badge tone="info">Upgrading</Badge> : null}
        <span className="truncate text-slate-600">{devicesSummary(gateway)}</span>
      </div>
      <div className="flex min-w-0 pl-6 text-xs">
        <Verdict gateway={gateway} liveness={liveness} chosen={chosen} />
      </div>
    </div>
  );
});
