import { memo, useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Firmware } from '../firmware/firmware';
import { PreflightPanel } from '../firmware/preflight-panel';
import { useFormat } from '../ui/i18n/use-format';
import { firmwareRadioLabel, groupFirmware, groupLabelMessage, type FirmwareGroup, type FirmwareGroupKey } from './firmware-groups';
import { useMessageText } from '../ui/i18n/message';

export interface CatalogStatus {
  loading: boolean;
  error: string | null;
  retrying: boolean;
  retry: () => void;
}

interface GroupProps {
  group: FirmwareGroup;
  chosenKey: string | null;
  onChoose: (group: FirmwareGroupKey, key: string | null) => void;
}

const FirmwareRadioGroup = memo(function FirmwareRadioGroup({ group, chosenKey, onChoose }: GroupProps) {
  const labelId = useId();
  const name = useId();
  const { t } = useTranslation('upgrades');
  const say = useMessageText();
  const f = useFormat();
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="flex flex-col gap-1 rounded border border-slate-200 p-3">
      <span id={labelId} className="text-sm font-semibold">
        {say(groupLabelMessage(group.model))}
      </span>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name={name} checked={chosenKey === null} onChange={() => onChoose(group.key, null)} />
        {t('firmware.none')}
      </label>
      {group.firmware.map((fw) => (
        <label key={fw.key} className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} checked={chosenKey === fw.key} onChange={() => onChoose(group.key, fw.key)} />
          <span>{firmwareRadioLabel(fw)}</span>
          <span className="text-xs text-slate-500">
            {f.bytes(fw.fileSize)}
            {fw.source === 'manual' ? t('firmware.manualEntry') : ''}
          </span>
        </label>
      ))}
    </div>
  );
});

export interface FirmwarePickerProps {
  firmware: readonly Firmware[];
  catalog: CatalogStatus;
  choice: ReadonlyMap<FirmwareGroupKey, string>;
  chosen: readonly Firmware[];
  onChoose: (group: FirmwareGroupKey, key: string | null) => void;
}

/** One radio group per model, and the pre-flight check of every chosen file. */
export function FirmwarePicker({ firmware, catalog, choice, chosen, onChoose }: FirmwarePickerProps) {
  const groups = groupFirmware(firmware);
  const { t } = useTranslation('upgrades');
  return (
    <section aria-labelledby="upgrade-firmware-title" className="flex flex-col gap-3">
      <h2 id="upgrade-firmware-title" className="text-lg font-semibold">
        {t('firmware.title')}
      </h2>
      {catalog.loading ? <p className="text-sm text-slate-600">{t('firmware.loading')}</p> : null}
      {catalog.error !== null ? (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <span>{t('firmware.loadError', { error: catalog.error })}</span>
          <button type="button" className="underline" onClick={catalog.retry} disabled={catalog.retrying}>
            {t('firmware.retry')}
          </button>
        </div>
      ) : null}
      {!catalog.loading && groups.length === 0 ? (
        <p className="text-sm text-slate-600">
          <Trans t={t} i18nKey="firmware.empty" components={{ link: <Link to="/firmware" /> }} />
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        {groups.map((group) => (
          <FirmwareRadioGroup key={group.key} group={group} chosenKey={choice.get(group.key) ?? null} onChoose={onChoose} />
        ))}
      </div>
      {chosen.length > 0 ? (
        <ul aria-label={t('firmware.preflightList')} className="flex flex-col gap-2">
          {chosen.map((f) => (
            <li key={f.key} className="flex flex-col gap-1 rounded border border-slate-200 p-3">
              <span className="text-sm font-medium">
                {t('firmware.preflightTitle', { product: f.productName, version: f.productVersion })}{' '}
                <span className="font-mono text-xs">{f.fileName}</span>
              </span>
              <span className="break-all font-mono text-xs text-slate-500">
                {f.fileUrl} · md5 {f.md5}
              </span>
              <PreflightPanel firmware={f} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
