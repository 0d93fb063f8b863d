import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import { WindowRowList } from './window-row-list';
import { willSend, type GatewayResolution, type OfferedUpgradeType, type TargetDevice } from './resolve-targets';
import { skipReasonMessage } from './skip-reasons';
import { useMessageText } from '../ui/i18n/message';
import { UNGROUPED } from './ungrouped';

const SEND_ROW_HEIGHT = 88;
const SKIP_ROW_HEIGHT = 52;

export type TypeChange = (deviceSn: string, type: OfferedUpgradeType) => void;

const TYPE_KEY = { 3: 'preview.typeRegular', 2: 'preview.typeConsistency' } as const satisfies Record<OfferedUpgradeType, string>;

function TargetLine({ target, onTypeChange }: { target: TargetDevice; onTypeChange: TypeChange }) {
  const { t } = useTranslation('upgrades');
  return (
    <div className="flex min-w-0 items-center gap-2 text-xs">
      <span className="font-mono">{target.sn}</span>
      <span className="text-slate-600">{target.productName ?? target.modelKey ?? t('preview.gatewayDevice')}</span>
      <span>
        {target.fromVersion ?? t('preview.versionUnknown')} → <span className="font-medium">{target.firmware.productVersion}</span>
      </span>
      {target.consistencyOffered ? (
        <select
          aria-label={t('preview.upgradeTypeFor', { sn: target.sn })}
          value={target.upgradeType}
          onChange={(e) => onTypeChange(target.sn, e.target.value === '2' ? 2 : 3)}
          className="rounded border border-slate-300 px-1 py-0.5"
        >
          <option value={3}>{t(TYPE_KEY[3])}</option>
          <option value={2}>{t(TYPE_KEY[2])}</option>
        </select>
      ) : (
        <span>{t(TYPE_KEY[target.upgradeType])}</span>
      )}
      <span className="truncate font-mono text-slate-500">{target.firmware.fileName}</span>
    </div>
  );
}

const SendRow = memo(function SendRow({ resolution, onTypeChange }: { resolution: GatewayResolution; onTypeChange: TypeChange }) {
  const { t } = useTranslation('upgrades');
  const f = useFormat();
  return (
    <div
      role="group"
      className="flex h-full flex-col justify-center gap-0.5 px-3"
      aria-label={t('preview.sendTo', { sn: resolution.gatewaySn })}
    >
      <span className="font-mono text-sm font-medium">{resolution.gatewaySn}</span>
      {resolution.targets.map((t) => (
        <TargetLine key={t.sn} target={t} onTypeChange={onTypeChange} />
      ))}
      {resolution.onTarget.length > 0 ? (
        <span className="truncate text-xs text-slate-500">
          {t('preview.notSent', {
            devices: f.list(
              resolution.onTarget.map((d) => t('preview.alreadyOn', { sn: d.sn, version: d.version })),
              'plain',
            ),
          })}
        </span>
      ) : null}
    </div>
  );
});

const SkipRow = memo(function SkipRow({ resolution }: { resolution: GatewayResolution }) {
  const { t } = useTranslation('upgrades');
  const say = useMessageText();
  const text = resolution.skip.map((reason) => say(skipReasonMessage(reason))).join(t('join.semicolon'));
  return (
    <div
      role="group"
      className="flex h-full flex-col justify-center gap-0.5 px-3"
      aria-label={t('preview.skip', { sn: resolution.gatewaySn })}
    >
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
  const { t } = useTranslation('upgrades');
  const f = useFormat();
  const sending = useMemo(() => resolutions.filter(willSend), [resolutions]);
  const skipped = useMemo(() => resolutions.filter((r) => !willSend(r)), [resolutions]);
  const sendKey = useCallback((i: number) => sending[i]?.gatewaySn ?? String(i), [sending]);
  const skipKey = useCallback((i: number) => skipped[i]?.gatewaySn ?? String(i), [skipped]);
  return (
    <section aria-labelledby="upgrade-preview-title" className="flex flex-col gap-3">
      <h2 id="upgrade-preview-title" className="text-lg font-semibold">
        {t('preview.title')}
      </h2>
      {resolutions.length === 0 ? <p className="text-sm text-slate-600">{t('preview.empty')}</p> : null}
      {sending.length > 0 ? (
        <div className="flex flex-col gap-1">
          <h3 className="text-sm font-semibold">{t('preview.willBeSent', { n: f.number(sending.length, UNGROUPED) })}</h3>
          <WindowRowList
            count={sending.length}
            rowHeight={SEND_ROW_HEIGHT}
            label={t('preview.sendList')}
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
          <h3 className="text-sm font-semibold">{t('preview.skippedHeading', { n: f.number(skipped.length, UNGROUPED) })}</h3>
          <WindowRowList
            count={skipped.length}
            rowHeight={SKIP_ROW_HEIGHT}
            label={t('preview.skipList')}
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
