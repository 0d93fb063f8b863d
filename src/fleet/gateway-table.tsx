import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GATEWAY_COLUMNS, GatewayRow } from './gateway-row.tsx';

const HEADERS = ['gateway', 'devices', 'connection', 'upgrade', 'actions'] as const;
/** A gateway with a dock and one aircraft; rows are measured after they render. */
const ESTIMATED_ROW_PX = 92;

export interface GatewayTableProps {
  sns: readonly string[];
  staleAfterMs: number;
  onRemove: (sn: string) => void;
}

/**
 * A virtualised table: only the rows in view (plus a few) exist in the DOM, each subscribed to
 * its own gateway, so 10,000 gateways scroll like 20.
 */
export function GatewayTable({ sns, staleAfterMs, onRemove }: GatewayTableProps) {
  const { t } = useTranslation('fleet');
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
          {HEADERS.map((h) => (
            <div role="columnheader" key={h}>
              {t(`table.${h}`)}
            </div>
          ))}
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
