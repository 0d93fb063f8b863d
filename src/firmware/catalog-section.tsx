import { Button } from '../ui/button';
import { FirmwareCard } from './firmware-card';
import { useFirmwareCatalog } from './get-catalog';
import { RejectedEntries } from './rejected-entries';

/** The published catalog with its loading, error and retry states. */
export function CatalogSection({ catalogUrl }: { catalogUrl: string | undefined }) {
  const catalog = useFirmwareCatalog(catalogUrl);
  return (
    <section aria-labelledby="catalog-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="catalog-title" className="text-lg font-semibold">
          Catalog
        </h2>
        {catalog.data ? <span className="text-sm break-all text-slate-500">{catalog.data.catalogUrl}</span> : null}
        {catalog.data || catalog.isError ? (
          <Button className="ml-auto" onClick={() => void catalog.refetch()} disabled={catalog.isFetching}>
            {catalog.isError ? 'Retry' : 'Reload catalog'}
          </Button>
        ) : null}
      </div>
      {catalogUrl === undefined || catalog.isPending ? (
        catalog.isError ? null : <p className="text-sm text-slate-600">Loading the firmware catalog…</p>
      ) : null}
      {catalog.isError ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          Could not load the firmware catalog. {catalog.error.message}
        </p>
      ) : null}
      {catalog.data ? (
        <>
          <RejectedEntries rejected={catalog.data.rejected} />
          {catalog.data.firmware.length === 0 ? (
            <p className="text-sm text-slate-600">The catalog lists no usable firmware.</p>
          ) : (
            <ul aria-label="Catalog firmware" className="flex flex-col gap-3">
              {catalog.data.firmware.map((f) => (
                <li key={f.key}>
                  <FirmwareCard firmware={f} />
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
