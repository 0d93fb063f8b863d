import { memo, useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Firmware } from '../firmware/firmware';
import type { NewestVersions } from '../fleet/fleet-overview';
import { PreflightPanel } from '../firmware/preflight-panel';
import { Badge } from '../ui/badge';
import { useFormat } from '../ui/i18n/use-format';
import { firmwareRadioLabel, groupFirmware, groupLabelMessage, type FirmwareGroup, type FirmwareGroupKey } from './firmware-groups';
import { useMessageText } from '../ui/i18n/message';
import { productName } from '../protocol/models';

export interface CatalogStatus {
  loading: boolean;
  error: string | null;
  retrying: boolean;
  retry: () => void;
}

interface GroupProps {
  group: FirmwareGroup;
  chosenKey: string | null;
  newest: string | undefined;
  onChoose: (group: FirmwareGroupKey, key: string | null) => void;
}

/** Everything an operator may check before choosing, shown on demand. */
function FirmwareDetails({ firmware }: { firmware: readonly Firmware[] }) {
  const { t } = useTranslation('upgrades');
  const f = useFormat();
  return (
    <details className="text-xs open:basis-full">
      <summary className="w-fit cursor-pointer text-slate-700">{t('firmware.details')}</summary>
      <dl className="mt-1 flex flex-col gap-2 pl-4">
        {firmware.map((fw) => (
          <div key={fw.key} className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-2">
            <dt className="font-medium">{fw.productVersion}</dt>
            <dd className="break-all">
              <span className="font-mono">{fw.fileName}</span> · {f.bytes(fw.fileSize)}
              {fw.releasedAt !== null ? ` · ${t('firmware.released', { date: f.date(fw.releasedAt) })}` : ''}
              {fw.source === 'manual' ? t('firmware.manualEntry') : ''}
              <br />
              <span className="font-mono text-slate-600">md5 {fw.md5}</span>
              <br />
              <span className="font-mono text-slate-600">{fw.fileUrl}</span>
              {fw.releaseNotes !== '' ? <span className="block whitespace-pre-line text-slate-700">{fw.releaseNotes}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** One line per model: None and each version, the newest marked; file, size and notes on demand. */
const FirmwareRadioGroup = memo(function FirmwareRadioGroup({ group, chosenKey, newest, onChoose }: GroupProps) {
  const name = useId();
  const { t } = useTranslation('upgrades');
  const say = useMessageText();
  return (
    <div
      role="radiogroup"
      aria-label={say(groupLabelMessage(group.model))}
      className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-100 py-1.5 text-sm"
    >
      {/* The group's name says "Firmware for DJI Dock 2 (3-2-0)"; the line shows the short form. */}
      <span aria-hidden="true" className="w-40 shrink-0 truncate font-medium">
        {group.model === null ? t('firmware.gatewayShort') : (productName(group.model) ?? t('firmware.unknownModel'))}{' '}
        {group.model === null ? null : <span className="text-xs font-normal text-slate-600">{group.model}</span>}
      </span>
      <label className="flex items-center gap-1.5">
        <input type="radio" name={name} checked={chosenKey === null} onChange={() => onChoose(group.key, null)} />
        {t('firmware.none')}
      </label>
      {group.firmware.map((fw) => (
        <label key={fw.key} className="flex items-center gap-1.5">
          {/* The name holds product, version and file name (the accessibility contract); the line shows the version. */}
          <input
            type="radio"
            name={name}
            aria-label={firmwareRadioLabel(fw)}
            checked={chosenKey === fw.key}
            onChange={() => onChoose(group.key, fw.key)}
          />
          <span className="font-medium tabular-nums">{fw.productVersion}</span>
          {fw.productVersion === newest ? <Badge tone="success">{t('firmware.newest')}</Badge> : null}
          {fw.source === 'manual' ? <Badge tone="info">{t('firmware.manual')}</Badge> : null}
        </label>
      ))}
      <FirmwareDetails firmware={group.firmware} />
    </div>
  );
});

export interface FirmwarePickerProps {
  firmware: readonly Firmware[];
  catalog: CatalogStatus;
  choice: ReadonlyMap<FirmwareGroupKey, string>;
  chosen: readonly Firmware[];
  newest: NewestVersions;
  onChoose: (group: FirmwareGroupKey, key: string | null) => void;
}

/** One radio group per model (a dense list, two columns on a wide screen), and the pre-flight check of every chosen file. */
export const FirmwarePicker = memo(function FirmwarePicker({ firmware, catalog, choice, chosen, newest, onChoose }: FirmwarePickerProps) {
  const groups = groupFirmware(firmware);
  const { t } = useTranslation('upgrades');
  const f = useFormat();
  return (
    <section aria-labelledby="upgrade-firmware-title" className="flex flex-col gap-2">
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
      {groups.length > 0 ? (
        <div className="grid gap-x-6 rounded border border-slate-200 bg-white px-3 xl:grid-cols-2">
          {groups.map((group) => (
            <FirmwareRadioGroup
              key={group.key}
              group={group}
              chosenKey={choice.get(group.key) ?? null}
              newest={group.model === null ? undefined : newest.get(group.model)}
              onChoose={onChoose}
            />
          ))}
        </div>
      ) : null}
      {chosen.length > 0 ? (
        <ul aria-label={t('firmware.preflightList')} className="flex flex-col gap-2">
          {chosen.map((fw) => (
            <li key={fw.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-200 bg-white px-3 py-1.5">
              <span className="text-sm font-medium">
                {t('firmware.preflightTitle', { product: fw.productName, version: fw.productVersion })}{' '}
                <span className="font-mono text-xs font-normal">
                  {fw.fileName} · {f.bytes(fw.fileSize)}
                </span>
              </span>
              <PreflightPanel firmware={fw} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
});
