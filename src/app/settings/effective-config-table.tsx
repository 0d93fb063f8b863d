import { CONFIG_KEYS, type ConfigKey, type ConfigSource, type RuntimeConfig } from '../config/config-schema';

const LABEL: Record<ConfigKey, string> = {
  brokerUrl: 'Broker URL',
  username: 'Username',
  password: 'Password',
  catalogUrl: 'Firmware catalog URL',
  readOnly: 'Read-only',
  respondToDevices: 'Answer device requests',
  kiosk: 'Kiosk',
  stalledAfterSeconds: 'Stalled after (s)',
  replyTimeoutSeconds: 'Reply timeout (s)',
  verifyGraceSeconds: 'Version check grace (s)',
};

function shown(key: ConfigKey, value: RuntimeConfig[ConfigKey]): string {
  if (value === undefined || value === '') return 'not set';
  // The password is never echoed, only whether there is one.
  if (key === 'password') return 'set (hidden)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function EffectiveConfigTable({ config, sources }: { config: RuntimeConfig; sources: Record<ConfigKey, ConfigSource> }) {
  return (
    <table className="w-full max-w-3xl text-left text-sm">
      <caption className="mb-2 text-left text-lg font-semibold">Effective configuration</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-4">
            Setting
          </th>
          <th scope="col" className="py-1 pr-4">
            Value
          </th>
          <th scope="col" className="py-1">
            Source
          </th>
        </tr>
      </thead>
      <tbody>
        {CONFIG_KEYS.map((key) => (
          <tr key={key} className="border-b border-slate-200">
            <th scope="row" className="py-1 pr-4 font-medium">
              {LABEL[key]}
            </th>
            <td className="py-1 pr-4 font-mono break-all">{shown(key, config[key])}</td>
            <td className="py-1">{sources[key]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
