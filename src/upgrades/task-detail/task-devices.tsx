import { productName } from '../../protocol/models';
import type { TaskDevice, UpgradeTask } from '../task-types';

const VERIFICATION: Record<Exclude<TaskDevice['verification'], null>, string> = {
  pending: 'Waiting for the device to report its version',
  verified: 'Verified: reports the target version',
  'version-mismatch': 'Version mismatch',
};

export function TaskDevices({ task }: { task: UpgradeTask }) {
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left font-semibold">Devices</caption>
      <thead className="text-left text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-4 font-medium">SN</th>
          <th scope="col" className="py-1 pr-4 font-medium">Model</th>
          <th scope="col" className="py-1 pr-4 font-medium">From</th>
          <th scope="col" className="py-1 pr-4 font-medium">Target</th>
          <th scope="col" className="py-1 pr-4 font-medium">File</th>
          <th scope="col" className="py-1 pr-4 font-medium">Reported version</th>
          <th scope="col" className="py-1 font-medium">Verification</th>
        </tr>
      </thead>
      <tbody>
        {task.devices.map((d) => (
          <tr key={d.sn} className="border-t border-slate-100">
            <th scope="row" className="py-1 pr-4 text-left font-mono font-medium">{d.sn}</th>
            <td className="py-1 pr-4">{d.modelKey ? (productName(d.modelKey) ?? d.modelKey) : '—'}</td>
            <td className="py-1 pr-4 font-mono">{d.fromVersion ?? '—'}</td>
            <td className="py-1 pr-4 font-mono">{d.targetVersion ?? '—'}</td>
            <td className="py-1 pr-4 break-all">{d.fileName ?? '—'}</td>
            <td className="py-1 pr-4 font-mono">{d.reportedVersion ?? '—'}</td>
            <td className="py-1">{d.verification === null ? '—' : VERIFICATION[d.verification]}</td>
          </tr>
        ))}
      </tbody>
      {task.devicesInferred ? (
        <tfoot>
          <tr>
            <td colSpan={7} className="pt-1 text-xs text-slate-500">
              The ota_create of this task was not seen: the gateway stands in for its devices.
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
