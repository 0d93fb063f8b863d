import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Firmware } from '../firmware/firmware';
import { useGateway } from '../fleet/fleet-hooks';
import type { FleetGateway } from '../fleet/fleet-model';
import { livenessAt, type Liveness } from '../fleet/fleet-selectors';
import { useClockValue } from '../ui/clock';
import { Badge } from '../ui/badge';
import { useMessageText } from '../ui/i18n/message';
import { useFormat } from '../ui/i18n/use-format';
import { resolveGateway, willSend } from './resolve-targets';
import { useIsSelected, useSelectionActions } from './selection-context';
import { skipReasonMessage } from './skip-reasons';
import { useActiveTaskBid } from './use-resolutions';

export const GATEWAY_ROW_HEIGHT = 60;

const LIVENESS_LOOK = {
  online: { label: 'row.online', tone: 'success' },
  stale: { label: 'row.stale', tone: 'warning' },
  unseen: { label: 'row.unseen', tone: 'neutral' },
} as const satisfies Record<Liveness, { label: string; tone: 'success' | 'warning' | 'neutral' }>;

function DevicesSummary({ gateway }: { gateway: FleetGateway }) {
  const { t } = useTranslation('upgrades');
  const text = gateway.devices
    .filter((d) => d.role === 'gateway' || d.inTopology)
    .map((d) => `${d.productName ?? d.modelKey ?? t('row.unknownModel')} ${d.firmwareVersion ?? t('row.versionNotReported')}`)
    .join(' · ');
  return <span className="truncate text-slate-600">{text}</span>;
}

function Verdict({ gateway, liveness, chosen }: { gateway: FleetGateway; liveness: Liveness; chosen: readonly Firmware[] }) {
  const activeTaskBid = useActiveTaskBid(gateway.sn);
  const { t } = useTranslation('upgrades');
  const say = useMessageText();
  const f = useFormat();
  if (chosen.length === 0) return null;
  const resolution = resolveGateway({ gateway, liveness, activeTaskBid }, chosen);
  if (willSend(resolution)) {
    const targets = resolution.targets.map((target) => t('row.target', { sn: target.sn, version: target.firmware.productVersion }));
    const text = t('row.willUpgrade', { targets: f.list(targets, 'plain') });
    return (
      <span className="truncate text-green-800" title={text}>
        {text}
      </span>
    );
  }
  const reasons = resolution.skip.map((reason) => say(skipReasonMessage(reason)));
  const [first, ...rest] = reasons;
  const text =
    first === undefined
      ? ''
      : rest.length > 0
        ? t('row.skippedMore', { reason: first, more: rest.length })
        : t('row.skipped', { reason: first });
  const full = reasons.join(t('join.semicolon'));
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
  const selection = useSelectionActions();
  const lastSeen = gateway?.lastSeen ?? null;
  const liveness = useClockValue((now) => livenessAt(lastSeen, now));
  const { t } = useTranslation('upgrades');
  if (gateway === undefined) return null;
  const look = LIVENESS_LOOK[liveness];
  return (
    <div className="flex h-full flex-col justify-center gap-0.5 px-3 text-sm">
      <div className="flex min-w-0 items-center gap-2">
        <input
          type="checkbox"
          className="h-4 w-4 shrink-0"
          aria-label={t('row.select', { sn })}
          checked={selected}
          onChange={(e) => selection.toggle(sn, e.target.checked)}
        />
        <span className="font-mono font-medium">{sn}</span>
        <Badge tone={look.tone}>{t(look.label)}</Badge>
        {gateway.upgrading ? <Badge tone="info">{t('row.upgrading')}</Badge> : null}
        <DevicesSummary gateway={gateway} />
      </div>
      <div className="flex min-w-0 pl-6 text-xs">
        <Verdict gateway={gateway} liveness={liveness} chosen={chosen} />
      </div>
    </div>
  );
});
