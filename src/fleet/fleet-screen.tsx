import { useCallback, useDeferredValue, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../ui/clock';
import { useFormat } from '../ui/i18n/use-format';
import { AddGatewayForm } from './add-gateway-form.tsx';
import { shownGatewaySns, type FleetFilters, type SortDirection, type SortKey } from './fleet-filters.ts';
import { useFleetActions } from './fleet-hooks.ts';
import { FleetFilterBar } from './fleet-filter-bar.tsx';
import { fleetOverview, NO_NEWEST, type NewestVersions } from './fleet-overview.ts';
import { FleetOverviewPanel } from './fleet-overview-panel.tsx';
import { DEFAULT_STALE_AFTER_MS } from './fleet-selectors.ts';
import { useFleetSnapshot } from './fleet-snapshot.ts';
import { GatewayTable } from './gateway-table.tsx';
import type { UpgradeCellComponent } from './gateway-row.tsx';
import { ImportGatewaysPanel } from './import-gateways-panel.tsx';
import { RemoveGatewayDialog } from './remove-gateway-dialog.tsx';
import { useFleetFilters } from './use-fleet-filters.ts';

const LIVENESS_STEP_MS = 5_000;

export interface FleetScreenProps {
  /** A gateway is shown as stale when nothing arrived from it for this long. */
  staleAfterMs?: number;
  /** The newest catalog version per model key; without it no version is marked newest. */
  newestVersions?: NewestVersions;
  /** Says why no version is marked newest (the catalog is loading or failed), under the charts. */
  catalogNote?: ReactNode;
  /** The Upgrade column; the app gives one that knows each gateway's last upgrade. */
  UpgradeCell?: UpgradeCellComponent;
}

/**
 * The fleet at a glance (counts and, per model, the versions it runs), the gateways filtered and
 * sorted as the URL says, each opening its own page; add, import, remove.
 */
export default function FleetScreen({
  staleAfterMs = DEFAULT_STALE_AFTER_MS,
  newestVersions = NO_NEWEST,
  catalogNote,
  UpgradeCell,
}: FleetScreenProps) {
  const { t } = useTranslation('fleet');
  const f = useFormat();
  const snapshot = useFleetSnapshot();
  const now = useNow();
  const { filters, notes, update, clear } = useFleetFilters();
  const { addGateway, importGateways, removeGateway } = useFleetActions();
  // Online and offline move with the clock; counting them every few seconds is close enough, and
  // spares re-filtering and re-sorting a large fleet every second.
  const at = Math.floor(now / LIVENESS_STEP_MS) * LIVENESS_STEP_MS;
  const overview = useMemo(
    () => fleetOverview(snapshot.gateways.values(), newestVersions, at, staleAfterMs),
    [snapshot, newestVersions, staleAfterMs, at],
  );
  const deferred = useDeferredValue(filters);
  const shown = useMemo(
    () => shownGatewaySns(snapshot.gatewaySns, snapshot.gateways, deferred, { newest: newestVersions, now: at, staleAfterMs }),
    [snapshot, deferred, newestVersions, staleAfterMs, at],
  );
  const onPick = useCallback((patch: Partial<FleetFilters>) => update(patch), [update]);
  const onSort = useCallback((sort: SortKey, dir: SortDirection) => update({ sort, dir }, { replace: true }), [update]);
  const [removing, setRemoving] = useState<string | null>(null);
  const onRemove = useCallback((sn: string) => setRemoving(sn), []);
  const id = useId();
  const total = snapshot.gatewaySns.length;

  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-5 p-6">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 id="screen-title" className="text-xl font-semibold">
          {t('screen.title')}
        </h1>
        <p className="text-sm text-slate-600">
          {t('screen.gateways', { count: total, n: f.number(total) })}
          {shown.length !== total ? t('screen.shown', { n: f.number(shown.length) }) : ''}
        </p>
      </header>

      <FleetOverviewPanel overview={overview} filters={filters} onPick={onPick} />
      {catalogNote !== undefined ? <p className="text-sm text-slate-600">{catalogNote}</p> : null}

      <FleetFilterBar
        filters={filters}
        notes={notes}
        models={overview.models}
        shown={shown.length}
        total={total}
        update={update}
        clear={clear}
      />

      <GatewayTable
        sns={shown}
        staleAfterMs={staleAfterMs}
        onRemove={onRemove}
        sort={filters.sort}
        dir={filters.dir}
        onSort={onSort}
        UpgradeCell={UpgradeCell}
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby={`${id}-add`} className="flex flex-col gap-2">
          <h2 id={`${id}-add`} className="font-semibold">
            {t('screen.addHeading')}
          </h2>
          <AddGatewayForm onAdd={addGateway} />
        </section>
        <section aria-labelledby={`${id}-import`} className="flex flex-col gap-2">
          <h2 id={`${id}-import`} className="font-semibold">
            {t('screen.importHeading')}
          </h2>
          <ImportGatewaysPanel onImport={importGateways} />
        </section>
      </div>

      {removing !== null ? (
        <RemoveGatewayDialog
          sn={removing}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            removeGateway(removing);
            setRemoving(null);
          }}
        />
      ) : null}
    </section>
  );
}
