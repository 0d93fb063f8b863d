import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import type { RejectedCatalogEntry } from './parse-catalog';

/**
 * Catalog entries that are not offered, with why, so whoever publishes the catalog can fix them.
 * The reasons stay in English: they name the catalog's JSON fields and quote the field rules.
 */
export function RejectedEntries({ rejected }: { rejected: readonly RejectedCatalogEntry[] }) {
  const { t } = useTranslation('firmware');
  const f = useFormat();
  if (rejected.length === 0) return null;
  return (
    <section aria-label={t('rejected.label')} className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">{t('rejected.summary', { count: rejected.length, total: f.number(rejected.length) })}</p>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
        {rejected.map((entry) => {
          const values = { number: f.number(entry.index + 1), reasons: entry.reasons.join(t('rejected.reasonSeparator')) };
          return (
            <li key={entry.index}>
              {entry.label ? t('rejected.entryWithLabel', { ...values, label: entry.label }) : t('rejected.entry', values)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
