import { memo, useCallback, useMemo } from 'react';
import { FixedRowList } from './fixed-row-list';
import { willSend, type GatewayResolution, type OfferedUpgradeType, type TargetDevice } from './resolve-targets';
import { skipReasonText } from './skip-reasons';

const SEND_ROW_HEIGHT = 88;
const SKIP_ROW_HEIGHT = 52;
const MAX_HEIGHT = 360;

export type TypeChange = (deviceSn: string, type: OfferedUpgradeType) => void;

const TYPE_TEXT: Record<OfferedUpgradeType, string> = { 3: 'type 3 (regular)', 2: 'type 2 (consistency)' };

function TargetLine({ target, onTypeChange }: { target: TargetDevice; onTypeChange: TypeChange }) {
  return (
    <div className="flex min-w-0 items-center gap-2 text-xs">
      <span className="font-mono">{target.sn}</span>
      <span className="text-slate-600">{target.productName ?? target.modelKey ?? 'gateway'}</span>
      <span>
        {target.fromVersion ?? 'version unknown'} → <span className="font-medium">{target.firmware.productVersion}</span>
      </span>
      {target.consistencyOffered ? (
        <select
          aria-label={`Upgrade type for ${target.sn}`}
          value={target.upgradeType}
          onChange={(e) => onTypeChange(target.sn, e.target.value === '2' ? 2 : 3)}
          className="rounded border border-slate-300 px-1 py-0.5"
        >
          <option value={3}>{TYPE_TEXT[3]}</option>
          <option value={2}>{TYPE_TEXT[2]}</option>
        </select>
      ) : (
        <span>{TYPE_TEXT[target.upgradeType]}</span>
      )}
      <span className="truncate font-mono text-slate-500">{target.firmware.fileName}</span>
    </div>
  );
}

const SendRow = memo(function SendRow({ resolution, onTypeChange }: { resolution: GatewayResolution; onTypeChange: TypeChange }) {
  return (
    <div role="group" className="flex h-full flex-col justify-center gap-0.5 px-3" aria-label={`Send to ${resolution.gatewaySn}`}>
      <span className="font-mono text-sm font-medium">{resolution.gatewaySn}</span>
      {resolution.targets.map((t) => (
        <TargetLine key={t.sn} target={t} onTypeChange={onTypeChange} />
      ))}
      {resolution.onTarget.length > 0 ? (
        <span className="truncate text-xs text-slate-500">Not sent: {resolution.onTarget.map((d) => `${d.sn} is already on ${d.version}`).join(', ')}</span>
      ) : null}
    </div>
  );
});

const SkipRow = memo(function SkipRow({ resolution }: { resolution: GatewayResolution }) {
  const text = resolution.skip.map(skipReasonText).join('; ');
  return (
    <div role="group" className="flex h-full flex-col justify-center gap-0.5 px-3" aria-label={`Skip ${resolution.gatewaySn}`}>
      <span className="font-mono text-sm font-medium">{resolution.gatewaySn}</span>
      <span className="truncate text-xs text-amber-800" title={text}>
        {text}
      </span>
    </div>
  );
});

export interface UpgradePreviewProps {
  resolutions: readonly GatewayResolution[];
  onTypeChange: TypeChange;
}

/** The dry run: exactly what each ota_create will carry, and which selected gateways get none and why. */
export function UpgradePreview({ resolutions, onTypeChange }: UpgradePreviewProps) {
  const sending = useMemo(() => resolutions.filter(willSend), [resolutions]);
  const skipped = useMemo(() => resolutions.filter((r) => !willSend(r)), [resolutions]);
  const devices = sending.reduce((n, r) => n + r.targets.length, 0);
  const sendKey = useCallback((i: number) => sending[i]?.gatewaySn ?? String(i), [sending]);
  const skipKey = useCallback((i: number) => skipped[i]?.gatewaySn ?? String(i), [skipped]);
  return (
    <section aria-labelledby="upgrade-preview-title" className="flex flex-col gap-3">
      <h2 id="upgrade-preview-title" className="text-lg font-semibold">
        Dry-run preview
      </h2>
      <p className="text-sm text-slate-700">
        {sending.length} ota_create to send ({devices} device{devices === 1 ? '' : 's'}), {skipped.length} selected gateway{skipped.length === 1 ? '' : 's'} skipped.
      </p>
      {sending.length > 0 ? (
        <div className="flex flex-col gap-1">
          <h3 className="text-sm font-semibold">Will be sent ({sending.length})</h3>
          <FixedRowList
            count={sending.length}
            rowHeight={SEND_ROW_HEIGHT}
            maxHeight={MAX_HEIGHT}
            label="Gateways to send"
            getKey={sendKey}
            renderRow={(i) => {
              const r = sending[i];
              return r ? <SendRow resolution={r} onTypeChange={onTypeChange} /> : null;
            }}
          />
        </div>
      ) : null}
      {skipped.length > 0 ? (
        <div className="flex flex-col gap-1">
          <h3 className="text-sm font-semibold">Skipped ({skipped.length})</h3>
          <FixedRowList
            count={skipped.length}
            rowHeight={SKIP_ROW_HEIGHT}
            maxHeight={MAX_HEIGHT}
            label="Skipped gateways"
            getKey={skipKey}
            renderRow={(i) => {
              const r = skipped[i];
              return r ? <SkipRow resolution={r} /> : null;
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
