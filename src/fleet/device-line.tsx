import { memo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge';
import type { FleetDevice } from './fleet-model.ts';

function kindKey(device: FleetDevice) {
  if (device.role === 'gateway') return 'device.dock' as const;
  return device.domain === '0' ? ('device.aircraft' as const) : ('device.subDevice' as const);
}

/** One device of a gateway; memoised on the device object, which the store replaces only when it changes (and re-rendered on a language switch by useTranslation). */
export const DeviceLine = memo(function DeviceLine({ device }: { device: FleetDevice }) {
  const { t } = useTranslation('fleet');
  const product =
    device.productName ?? (device.modelKey === null ? t('device.modelNotReported') : t('device.unknownModel', { model: device.modelKey }));
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
      <span className="w-16 text-xs uppercase tracking-wide text-slate-500">{t(kindKey(device))}</span>
      <span className="font-medium">{product}</span>
      <span className="font-mono text-xs text-slate-700">{device.sn}</span>
      <span className="text-slate-800">
        {device.firmwareVersion === null ? (
          <span className="text-slate-500">{t('device.firmwareNotReported')}</span>
        ) : (
          <Trans
            t={t}
            i18nKey="device.firmware"
            values={{ version: device.firmwareVersion }}
            components={{ version: <span className="font-mono" /> }}
          />
        )}
      </span>
      {device.compatibleStatus === 1 ? <Badge tone="warning">{t('device.needsConsistency')}</Badge> : null}
      {device.upgrading ? <Badge tone="info">{t('row.upgrading')}</Badge> : null}
      {device.role === 'sub-device' && !device.inTopology ? <Badge tone="neutral">{t('device.notInTopology')}</Badge> : null}
    </li>
  );
});
