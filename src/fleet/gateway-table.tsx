import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dockPath } from '../ui/dock-link.tsx';
import type { SortDirection, SortKey } from './fleet-filters.ts';
import { GATEWAY_COLUMNS, GatewayRow, type UpgradeCellComponent } from './gateway-row.tsx';
import { SortButton } from './sort-button.tsx';

/** A gateway with a dock and one aircraft; rows are measured after they render. */
const ESTIMATED_ROW_PX = 92;

export interface GatewayTableProps {
  sns: readonly string[];
  staleAfterMs: number;
  onRemove: (sn: string) => void;
  sort: SortKey;
  dir: SortDirection;
  onSort: (sort: SortKey, dir: SortDirection) => void;
  UpgradeCell?: UpgradeCellComponent;
}

type AriaSort = 'ascending' | 'descending' | 'none';

/**
 * A virtualised table: only the rows in view (plus a few) exist in the DOM, each subscribed to
 * its own gateway, so 10,000 gateways scroll like 20.
 */
export function GatewayTable({ sns, staleAfterMs, onRemove, sort, dir, onSort, UpgradeCell }: GatewayTableProps) {
  const { t } = useTranslation('fleet');
  const navigate = useNavigate();
  const onOpen = useCallback((sn: string) => void navigate(dockPath(sn)), [navigate]);
  const ariaSort = (...keys: SortKey[]): AriaSort => (keys.includes(sort) ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
  const sortProps = { sort, dir, onSort };
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: sns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (index) => sns[index] ?? index,
    overscan: 6,
  });

  return (
    <div role="table" aria-label={t('table.label')} aria-rowcount={sns.length + 1} className="rounded border border-slate-200 bg-white">
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className={`${GATEWAY_COLUMNS} border-b border-slate-300 bg-slate-50 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600`}
        >
          <div role="columnheader" aria-sort={ariaSort('sn')}>
            <SortButton column="sn" label={t('table.gateway')} {...sortProps} />
          </div>
          <div role="columnheader" aria-sort={ariaSort('model', 'version')} className="flex flex-wrap items-baseline gap-x-3">
            <span>{t('table.devices')}</span>
            <SortButton column="model" label={t('table.byModel')} {...sortProps} />
            <SortButton column="version" label={t('table.byFirmware')} {...sortProps} />
          </div>
          <div role="columnheader" aria-sort={ariaSort('seen')}>
            <SortButton column="seen" label={t('table.connection')} {...sortProps} />
          </div>
          <div role="columnheader" aria-sort={ariaSort('upgrade')}>
            <SortButton column="upgrade" label={t('table.upgrade')} {...sortProps} />
          </div>
          <div role="columnheader">{t('table.actions')}</div>
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="max-h-[70vh] overflow-auto" tabIndex={0} aria-label={t('table.rows')}>
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const sn = sns[item.index];
            if (sn === undefined) return null;
            return (
              <GatewayRow
                key={sn}
                sn={sn}
                rowIndex={item.index + 2}
                start={item.start}
                staleAfterMs={staleAfterMs}
                onRemove={onRemove}
                onOpen={onOpen}
                UpgradeCell={UpgradeCell}
                measureRef={virtualizer.measureElement}
              />
            );
          })}
        </div>
      </div>
      {sns.length === 0 ? <p className="p-4 text-sm text-slate-600">{t('table.empty')}</p> : null}
    </div>
  );
}
