import type { RejectedCatalogEntry } from './parse-catalog';

/** Catalog entries that are not offered, with why, so whoever publishes the catalog can fix them. */
export function RejectedEntries({ rejected }: { rejected: readonly RejectedCatalogEntry[] }) {
  if (rejected.length === 0) return null;
  return (
    <section aria-label="Skipped catalog entries" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">
        {rejected.length === 1 ? '1 catalog entry was skipped' : `${rejected.length} catalog entries were skipped`} because it cannot be sent to a dock:
      </p>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
        {rejected.map((entry) => (
          <li key={entry.index}>
            Entry {entry.index + 1}
            {entry.label ? ` (${entry.label})` : ''}: {entry.reasons.join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
