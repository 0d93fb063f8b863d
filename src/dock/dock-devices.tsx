import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge';
import type { FleetGateway } from '../fleet/fleet-model.ts';
import { LastSeen } from '../fleet/last-seen.tsx';

const cell = 'px-2 py-1.5 align-top';

/** The gateway's devices as its last update_topo, state and osd left them. */
export function DockDevices({ gateway, staleAfterMs }: { gateway: FleetGateway; staleAfterMs: number }) {
  const { t } = useTranslation('dock');
  const { t: tf } = useTranslation('fleet');
  return (
    <table aria-label={t('devices.label', { sn: gateway.sn })} className="w-full text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
          {(['role', 'model', 'sn', 'firmware', 'consistency', 'topology', 'mode', 'connection'] as const).map((key) => (
            <th key={key} scope="col" className={`${cell} font-medium`}>
              {t(`devices.${key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {gateway.devices.map((device) => (
          <tr key={device.sn} className="border-b border-slate-100">
            <td className={cell}>{device.role === 'gateway' ? t('devices.gateway') : t('devices.subDevice')}</td>
            <td className={cell}>
              {device.productName ??
                (device.modelKey === null ? tf('device.modelNotReported') : tf('device.unknownModel', { model: device.modelKey }))}
              {device.modelKey !== null ? <span className="ml-1 font-mono text-xs text-slate-600">{device.modelKey}</span> : null}
            </td>
            <th scope="row" className={`${cell} text-left font-mono font-normal`}>
              {device.sn}
            </th>
            <td className={`${cell} font-mono`}>
              {device.firmwareVersion ?? <span className="font-sans text-slate-600">{t('devices.notReported')}</span>}
              {device.upgrading ? (
                <span className="ml-2 font-sans">
                  <Badge tone="info">{t('devices.upgrading')}</Badge>
                </span>
              ) : null}
            </td>
            <td className={cell}>
              {device.compatibleStatus === null ? (
                <span className="text-slate-600">{t('devices.notReported')}</span>
              ) : device.compatibleStatus === 1 ? (
                <Badge tone="warning">{t('devices.needsConsistency')}</Badge>
              ) : (
                t('devices.consistent')
              )}
            </td>
            <td className={cell}>{device.role === 'gateway' || device.inTopology ? t('devices.listed') : t('devices.notListed')}</td>
            <td className={`${cell} tabular-nums`}>{device.modeCode ?? '—'}</td>
            <td className={cell}>
              <LastSeen lastSeen={device.lastSeen} staleAfterMs={staleAfterMs} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
