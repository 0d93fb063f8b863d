import { memo, type ComponentType, type MouseEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { DockLink } from '../ui/dock-link.tsx';
import { DeviceLine } from './device-line.tsx';
import { useGateway } from './fleet-hooks.ts';
import { LastSeen } from './last-seen.tsx';

/** Shared by the header and every row so the columns line up. */
export const GATEWAY_COLUMNS =
  'grid grid-cols-[minmax(9rem,1fr)_minmax(20rem,3fr)_minmax(8rem,1fr)_minmax(7rem,0.8fr)_minmax(6rem,0.6fr)] gap-3 px-3';

export interface GatewayRowProps {
  sn: string;
  /** 1-based position among all rows including the header (aria-rowindex). */
  rowIndex: number;
  /** Virtual position: the row is placed with a transform, which needs no layout. */
  start: number;
  staleAfterMs: number;
  onRemove: (sn: string) => void;
  /** Opens the gateway's own page (a click anywhere on the row but its links and buttons). */
  onOpen: (sn: string) => void;
  UpgradeCell?: UpgradeCellComponent;
  measureRef: Ref<HTMLDivElement>;
}

/** The Upgrade column of a gateway; the fleet alone knows only whether it is upgrading now. */
export type UpgradeCellComponent = ComponentType<{ sn: string; upgrading: boolean }>;

function FleetUpgradeCell({ upgrading }: { sn: string; upgrading: boolean }) {
  const { t } = useTranslation('fleet');
  return upgrading ? <Badge tone="info">{t('row.upgrading')}</Badge> : <span className="text-sm text-slate-600">{t('row.noUpgrade')}</span>;
}

const INTERACTIVE = 'a, button, input, select, textarea, summary';

/** One gateway; subscribes to its own record only, so traffic for other gateways does not redraw it. */
export const GatewayRow = memo(function GatewayRow({
  sn,
  rowIndex,
  start,
  staleAfterMs,
  onRemove,
  onOpen,
  UpgradeCell = FleetUpgradeCell,
  measureRef,
}: GatewayRowProps) {
  const { t } = useTranslation('fleet');
  const gateway = useGateway(sn);
  if (gateway === undefined) return null;
  // Keyboard users follow the SN link; the rest of the row is a larger target for the pointer.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest(INTERACTIVE) !== null) return;
    if (window.getSelection()?.toString()) return;
    onOpen(sn);
  };
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-index={rowIndex - 2}
      ref={measureRef}
      onClick={onClick}
      className={`${GATEWAY_COLUMNS} absolute left-0 top-0 w-full cursor-pointer items-start border-b border-slate-200 bg-white py-2 hover:bg-slate-50`}
      style={{ transform: `translateY(${start}px)` }}
    >
      <div role="rowheader" className="flex flex-col items-start gap-1">
        <DockLink sn={sn} className="text-sm font-semibold" />
        {gateway.manual ? <Badge>{t('row.addedByHand')}</Badge> : null}
      </div>
      <div role="cell">
        <ul aria-label={t('row.devicesOf', { sn })} className="flex flex-col gap-1">
          {gateway.devices.map((device) => (
            <DeviceLine key={device.sn} device={device} />
          ))}
        </ul>
      </div>
      <div role="cell">
        <LastSeen lastSeen={gateway.lastSeen} staleAfterMs={staleAfterMs} />
      </div>
      <div role="cell">
        <UpgradeCell sn={sn} upgrading={gateway.upgrading} />
      </div>
      <div role="cell">
        <Button variant="secondary" aria-label={t('row.removeLabel', { sn })} onClick={() => onRemove(sn)}>
          {t('row.remove')}
        </Button>
      </div>
    </div>
  );
});
