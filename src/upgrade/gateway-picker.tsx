import { memo, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Firmware } from '../firmware/firmware';
import { hasFilters } from '../fleet/fleet-filters';
import { useGatewaySns } from '../fleet/fleet-hooks';
import type { NewestVersions } from '../fleet/fleet-overview';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import { GATEWAY_ROW_HEIGHT, GatewayRow } from './gateway-row';
import { useSelected, useSelectionActions } from './selection-context';
import { TargetFilters } from './target-filters';
import { UNGROUPED } from './ungrouped';
import { useEligibleOf } from './use-resolutions';
import { useFleetModels, useShownGateways, useTargetFilters } from './use-target-filters';
import { WindowRowList } from './window-row-list';

export interface GatewayPickerProps {
  chosen: readonly Firmware[];
  /** The newest version offered per model, for "not on the newest version". */
  newest: NewestVersions;
}

/** Every known gateway with a checkbox; the Fleet's filters; bulk select of what is shown, or of what is shown and eligible. */
export const GatewayPicker = memo(function GatewayPicker({ chosen, newest }: GatewayPickerProps) {
  const gatewaySns = useGatewaySns();
  const selected = useSelected();
  const selection = useSelectionActions();
  const [filters, setFilters] = useTargetFilters();
  const shown = useShownGateways(filters, newest);
  const models = useFleetModels(newest);
  const eligibleOf = useEligibleOf(chosen);
  const [picked, setPicked] = useState<{ eligible: number; skipped: number } | null>(null);
  const eligibleHintId = useId();
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
  const noFirmware = chosen.length === 0;

  function selectEligible() {
    const eligible = eligibleOf(shown);
    selection.select(eligible);
    setPicked({ eligible: eligible.length, skipped: shown.length - eligible.length });
  }

  return (
    <section aria-labelledby="upgrade-gateways-title" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="upgrade-gateways-title" className="text-lg font-semibold">
          {t('gateways.title')}
        </h2>
        <p className="text-sm text-slate-600" aria-live="polite">
          {shown.length !== gatewaySns.length ? t('gateways.selectedShown', counts) : t('gateways.selected', counts)}
        </p>
      </div>
      <TargetFilters
        filters={filters}
        models={models}
        onChange={(next) => {
          setPicked(null);
          setFilters(next);
        }}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="primary"
          onClick={selectEligible}
          disabled={noFirmware || shown.length === 0}
          aria-describedby={noFirmware ? eligibleHintId : undefined}
        >
          {t('gateways.selectEligible')}
        </Button>
        <Button onClick={() => selection.select(shown)} disabled={shown.length === 0}>
          {t('gateways.selectAllShown')}
        </Button>
        <Button onClick={() => selection.deselect(shown)} disabled={shown.length === 0}>
          {t('gateways.selectNoneShown')}
        </Button>
        <Button
          onClick={() => {
            selection.clear();
            setPicked(null);
          }}
          disabled={selected.size === 0}
        >
          {t('gateways.clearSelection')}
        </Button>
        <p className="text-sm text-slate-700" aria-live="polite">
          {noFirmware ? (
            <span id={eligibleHintId}>{t('gateways.eligibleNeedsFirmware')}</span>
          ) : picked !== null ? (
            t('gateways.eligiblePicked', {
              count: picked.eligible,
              n: f.number(picked.eligible, UNGROUPED),
              skipped: f.number(picked.skipped, UNGROUPED),
            })
          ) : null}
        </p>
      </div>
      {gatewaySns.length === 0 ? (
        <p className="text-sm text-slate-600">{t('gateways.emptyFleet')}</p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-slate-600">
          {hasFilters({ ...filters, q: '' }) ? t('gateways.noFilterMatch') : t('gateways.noMatch', { query: filters.q.trim() })}
        </p>
      ) : (
        <WindowRowList
          count={shown.length}
          rowHeight={GATEWAY_ROW_HEIGHT}
          label={t('gateways.listLabel')}
          getKey={getKey}
          renderRow={renderRow}
        />
      )}
    </section>
  );
});
