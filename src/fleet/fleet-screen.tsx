import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import { AddGatewayForm } from './add-gateway-form.tsx';
import { useFleet, useFleetActions, useGatewaySns } from './fleet-hooks.ts';
import { DEFAULT_STALE_AFTER_MS, searchGatewaySns } from './fleet-selectors.ts';
import { GatewayTable } from './gateway-table.tsx';
import { ImportGatewaysPanel } from './import-gateways-panel.tsx';
import { RemoveGatewayDialog } from './remove-gateway-dialog.tsx';

export interface FleetScreenProps {
  /** A gateway is shown as stale when nothing arrived from it for this long. */
  staleAfterMs?: number;
}

/** Every gateway with its dock and aircraft, firmware, consistency and liveness; add, import, remove. */
export default function FleetScreen({ staleAfterMs = DEFAULT_STALE_AFTER_MS }: FleetScreenProps) {
  const { t } = useTranslation('fleet');
  const f = useFormat();
  const gatewaySns = useGatewaySns();
  const { addGateway, importGateways, removeGateway } = useFleetActions();
  const deviceGateway = useFleet((s) => s.deviceGateway);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => searchGatewaySns(gatewaySns, deviceGateway, deferredQuery), [gatewaySns, deviceGateway, deferredQuery]);
  const [removing, setRemoving] = useState<string | null>(null);
  const onRemove = useCallback((sn: string) => setRemoving(sn), []);
  const searchId = useId();

  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-5 p-6">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 id="screen-title" className="text-xl font-semibold">
          {t('screen.title')}
        </h1>
        <p className="text-sm text-slate-600">
          {t('screen.gateways', { count: gatewaySns.length, n: f.number(gatewaySns.length) })}
          {shown.length !== gatewaySns.length ? t('screen.shown', { n: f.number(shown.length) }) : ''}
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby={`${searchId}-add`} className="flex flex-col gap-2">
          <h2 id={`${searchId}-add`} className="font-semibold">
            {t('screen.addHeading')}
          </h2>
          <AddGatewayForm onAdd={addGateway} />
        </section>
        <section aria-labelledby={`${searchId}-import`} className="flex flex-col gap-2">
          <h2 id={`${searchId}-import`} className="font-semibold">
            {t('screen.importHeading')}
          </h2>
          <ImportGatewaysPanel onImport={importGateways} />
        </section>
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor={searchId} className="text-sm font-medium text-slate-800">
          {t('screen.searchLabel')}
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('screen.searchPlaceholder')}
          className="max-w-sm rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>

      <GatewayTable sns={shown} staleAfterMs={staleAfterMs} onRemove={onRemove} />

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
