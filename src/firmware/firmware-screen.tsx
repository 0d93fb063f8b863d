import { useTranslation } from 'react-i18next';
import { CatalogSection } from './catalog-section';
import type { CreateMd5Worker } from './hash-file-in-worker';
import { ManualFirmwareSection } from './manual-firmware-section';

export interface FirmwareScreenProps {
  /** From the runtime configuration, relative to the page; undefined while it loads. */
  catalogUrl?: string;
  /** Tests run the hashing worker in-process. */
  createWorker?: CreateMd5Worker;
}

export default function FirmwareScreen({ catalogUrl, createWorker }: FirmwareScreenProps) {
  const { t } = useTranslation('firmware');
  return (
    <section aria-labelledby="screen-title" className="flex max-w-5xl flex-col gap-8 p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        {t('screen.title')}
      </h1>
      <CatalogSection catalogUrl={catalogUrl} />
      <ManualFirmwareSection createWorker={createWorker} />
    </section>
  );
}
