import { memo, useId } from 'react';
import { Link } from 'react-router';
import type { Firmware } from '../../firmware/firmware';
import { PreflightPanel } from '../../firmware/preflight-panel';
import { formatBytes } from '../../firmware/format';
import { firmwareRadioLabel, groupFirmware, type FirmwareGroup, type FirmwareGroupKey } from './firmware-groups';

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
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="flex flex-col gap-1 rounded border border-slate-200 p-3">
      <span id={labelId} className="text-sm font-semibold">
        {group.label}
      </span>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name={name} checked={chosenKey === null} onChange={() => onChoose(group.key, null)} />
        None
      </label>
      {group.firmware.map((f) => (
        <label key={f.key} className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} checked={chosenKey === f.key} onChange={() => onChoose(group.key, f.key)} />
          <span>{firmwareRadioLabel(f)}</span>
          <span className="text-xs text-slate-500">
            {formatBytes(f.fileSize)}
            {f.source === 'manual' ? ' · manual entry' : ''}
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
  return (
    <section aria-labelledby="upgrade-firmware-title" className="flex flex-col gap-3">
      <h2 id="upgrade-firmware-title" className="text-lg font-semibold">
        Firmware
      </h2>
      {catalog.loading ? <p className="text-sm text-slate-600">Loading the firmware catalog…</p> : null}
      {catalog.error !== null ? (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <span>Could not load the firmware catalog. {catalog.error}</span>
          <button type="button" className="underline" onClick={catalog.retry} disabled={catalog.retrying}>
            Retry
          </button>
        </div>
      ) : null}
      {!catalog.loading && groups.length === 0 ? (
        <p className="text-sm text-slate-600">
          No firmware to choose from. Add one on the <Link to="/firmware">Firmware</Link> screen.
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        {groups.map((group) => (
          <FirmwareRadioGroup key={group.key} group={group} chosenKey={choice.get(group.key) ?? null} onChoose={onChoose} />
        ))}
      </div>
      {chosen.length > 0 ? (
        <ul aria-label="Pre-flight checks" className="flex flex-col gap-2">
          {chosen.map((f) => (
            <li key={f.key} className="flex flex-col gap-1 rounded border border-slate-200 p-3">
              <span className="text-sm font-medium">
                Pre-flight: {f.productName} {f.productVersion} <span className="font-mono text-xs">{f.fileName}</span>
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
