import { memo } from 'react';
import { Badge } from '../ui/badge';
import type { FleetDevice } from './fleet-model.ts';

function kindLabel(device: FleetDevice): string {
  if (device.role === 'gateway') return 'Dock';
  return device.domain === '0' ? 'Aircraft' : 'Sub-device';
}

function productLabel(device: FleetDevice): string {
  if (device.productName !== null) return device.productName;
  return device.modelKey === null ? 'Model not reported yet' : `Unknown model ${device.modelKey}`;
}

/** One device of a gateway; memoised on the device object, which the store replaces only when it changes. */
export const DeviceLine = memo(function DeviceLine({ device }: { device: FleetDevice }) {
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
      <span className="w-16 text-xs uppercase tracking-wide text-slate-500">{kindLabel(device)}</span>
      <span className="font-medium">{productLabel(device)}</span>
      <span className="font-mono text-xs text-slate-700">{device.sn}</span>
      <span className="text-slate-800">
        {device.firmwareVersion === null ? (
          <span className="text-slate-500">firmware not reported</span>
        ) : (
          <>
            firmware <span className="font-mono">{device.firmwareVersion}</span>
          </>
        )}
      </span>
      {device.compatibleStatus === 1 ? <Badge tone="warning">Needs consistency upgrade</Badge> : null}
      {device.upgrading ? <Badge tone="info">Upgrading</Badge> : null}
      {device.role === 'sub-device' && !device.inTopology ? <Badge tone="neutral">Not in topology (offline)</Badge> : null}
    </li>
  );
});
