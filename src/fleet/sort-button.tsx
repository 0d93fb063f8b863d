import { useTranslation } from 'react-i18next';
import type { SortDirection, SortKey } from './fleet-filters.ts';

export interface SortButtonProps {
  column: SortKey;
  label: string;
  sort: SortKey;
  dir: SortDirection;
  onSort: (sort: SortKey, dir: SortDirection) => void;
}

/** A column header's sort control: the first click sorts ascending, the next reverses. */
export function SortButton({ column, label, sort, dir, onSort }: SortButtonProps) {
  const { t } = useTranslation('fleet');
  const active = sort === column;
  const arrow = active ? (dir === 'asc' ? '▲' : '▼') : '';
  return (
    <button
      type="button"
      onClick={() => onSort(column, active && dir === 'asc' ? 'desc' : 'asc')}
      title={t('table.sortBy', { column: label })}
      className={`inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900 ${active ? 'text-slate-900' : ''}`}
    >
      {label}
      <span aria-hidden="true" className="w-3 text-[0.7em]">
        {arrow}
      </span>
    </button>
  );
}
