import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { FirmwareCard } from './firmware-card';
import { CatalogLoadError, useFirmwareCatalog } from './get-catalog';
import { CatalogFormatError } from './parse-catalog';
import { RejectedEntries } from './rejected-entries';
import { useMessageText } from '../ui/i18n/message';

/** The published catalog with its loading, error and retry states. */
export function CatalogSection({ catalogUrl }: { catalogUrl: string | undefined }) {
  const { t } = useTranslation('firmware');
  const text = useMessageText();
  const catalog = useFirmwareCatalog(catalogUrl);
  const error = catalog.error;
  const errorText = error instanceof CatalogLoadError || error instanceof CatalogFormatError ? text(error.text) : (error?.message ?? '');
  return (
    <section aria-labelledby="catalog-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="catalog-title" className="text-lg font-semibold">
          {t('catalog.title')}
        </h2>
        {catalog.data ? <span className="text-sm break-all text-slate-500">{catalog.data.catalogUrl}</span> : null}
        {catalog.data || catalog.isError ? (
          <Button className="ml-auto" onClick={() => void catalog.refetch()} disabled={catalog.isFetching}>
            {catalog.isError ? t('catalog.retry') : t('catalog.reload')}
          </Button>
        ) : null}
      </div>
      {catalogUrl === undefined || catalog.isPending ? (
        catalog.isError ? null : (
          <p className="text-sm text-slate-600">{t('catalog.loading')}</p>
        )
      ) : null}
      {catalog.isError ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {t('catalog.loadFailed', { message: errorText })}
        </p>
      ) : null}
      {catalog.data ? (
        <>
          <RejectedEntries rejected={catalog.data.rejected} />
          {catalog.data.firmware.length === 0 ? (
            <p className="text-sm text-slate-600">{t('catalog.empty')}</p>
          ) : (
            <ul aria-label={t('catalog.listLabel')} className="flex flex-col gap-2">
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
