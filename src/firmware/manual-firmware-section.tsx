import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileHashTool } from './file-hash-tool';
import { FirmwareCard } from './firmware-card';
import type { CreateMd5Worker } from './hash-file-in-worker';
import { ManualFirmwareForm } from './manual-firmware-form';
import { useManualFirmware, useManualFirmwareActions } from './manual-firmware-context';
import { EMPTY_MANUAL_FIRMWARE, type ManualFirmwareValues } from './manual-firmware-validation';
import type { FileHashResult } from './use-file-hash';

/** Firmware typed in on this browser: the saved entries, the hash tool and the form. */
export function ManualFirmwareSection({ createWorker }: { createWorker?: CreateMd5Worker }) {
  const { t } = useTranslation('firmware');
  const entries = useManualFirmware();
  const { manualFirmwareAdded: added, manualFirmwareRemoved: removed } = useManualFirmwareActions();
  const [values, setValues] = useState<ManualFirmwareValues>(EMPTY_MANUAL_FIRMWARE);
  const onHashed = useCallback(
    (hash: FileHashResult) => setValues((v) => ({ ...v, fileName: hash.fileName, fileSize: String(hash.size), md5: hash.md5 })),
    [],
  );

  return (
    <section aria-labelledby="manual-title" className="flex flex-col gap-3">
      <h2 id="manual-title" className="text-lg font-semibold">
        {t('manual.title')}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('manual.empty')}</p>
      ) : (
        <ul aria-label={t('manual.listLabel')} className="flex flex-col gap-3">
          {entries.map((f) => (
            <li key={f.key}>
              <FirmwareCard firmware={f} onRemove={removed} />
            </li>
          ))}
        </ul>
      )}
      <h3 className="font-semibold">{t('manual.addTitle')}</h3>
      <FileHashTool onHashed={onHashed} createWorker={createWorker} />
      <ManualFirmwareForm
        values={values}
        onChange={setValues}
        onSubmit={(input) => {
          added(input);
          setValues(EMPTY_MANUAL_FIRMWARE);
        }}
      />
    </section>
  );
}
