import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Firmware } from '../firmware/firmware';
import { useFleet, useGatewaySns } from '../fleet/fleet-hooks';
import { searchGatewaySns } from '../fleet/fleet-selectors';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import { UNGROUPED } from './ungrouped';
import { FixedRowList } from './fixed-row-list';
import { GATEWAY_ROW_HEIGHT, GatewayRow } from './gateway-row';
import { useSelected, useSelectionActions } from './selection-context';

const LIST_MAX_HEIGHT = 480;

/** Every known gateway with a checkbox; a filter by gateway or device SN; bulk select of what is shown. */
export function GatewayPicker({ chosen }: { chosen: readonly Firmware[] }) {
  const gatewaySns = useGatewaySns();
  const deviceGateway = useFleet((s) => s.deviceGateway);
  const selected = useSelected();
  const selection = useSelectionActions();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => searchGatewaySns(gatewaySns, deviceGateway, deferredQuery), [gatewaySns, deviceGateway, deferredQuery]);
  const filterId = useId();
  const getKey = useCallback((i: number) => shown[i] ?? String(i), [shown]);
  const renderRow = useCallback((i: number) => <GatewayRow sn={shown[i] ?? ''} chosen={chosen} />, [shown, chosen]);
  const known = gatewaySns.filter((sn) => selected.has(sn)).length;
  const { t } = useTranslation('upgrades');
  const f = useFormat();
  const counts = {
    selected: f.number(known, UNGROUPED),
    total: f.number(gatewaySns.length, UNGROUPED),
    shown: f.number(shown.length, UNGROUPED),
  };

  return (
    <section aria-labelledby="upgrade-gateways-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="upgrade-gateways-title" className="text-lg font-semibold">
          {t('gateways.title')}
        </h2>
        <p className="text-sm text-slate-600" aria-live="polite">
          {shown.length !== gatewaySns.length ? t('gateways.selectedShown', counts) : t('gateways.selected', counts)}
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={filterId} className="text-sm font-medium text-slate-800">
            {t('gateways.filterLabel')}
          </label>
          <input
            id={filterId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('gateways.filterPlaceholder')}
            className="w-64 rounded border border-slate-300 px-2 py-1.5 text-sm"
          />
        </div>
        <Button onClick={() => selection.select(shown)} disabled={shown.length === 0}>
          {t('gateways.selectAllShown')}
        </Button>
        <Button onClick={() => selection.deselect(shown)} disabled={shown.length === 0}>
          {t('gateways.selectNoneShown')}
        </Button>
        <Button onClick={() => selection.clear()} disabled={selected.size === 0}>
          {t('gateways.clearSelection')}
        </Button>
      </div>
      {gatewaySns.length === 0 ? (
        <p className="text-sm text-slate-600">{t('gateways.emptyFleet')}</p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-slate-600">{t('gateways.noMatch', { query: deferredQuery.trim() })}</p>
      ) : (
        <FixedRowList
          count={shown.length}
          rowHeight={GATEWAY_ROW_HEIGHT}
          maxHeight={LIST_MAX_HEIGHT}
          label={t('gateways.listLabel')}
          getKey={getKey}
          renderRow={renderRow}
        />
      )}
    </section>
  );
}
