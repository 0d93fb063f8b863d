import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PROTOCOL_VERSION_SETTINGS, type ProtocolVersionSetting } from '../../broker/protocol-version-memory';

const isSetting = (value: string): value is ProtocolVersionSetting => (PROTOCOL_VERSION_SETTINGS as readonly string[]).includes(value);

/** The "MQTT version" select of the connection form: auto, 5 or 3.1.1. */
export function ProtocolVersionField({
  value,
  onChange,
}: {
  value: ProtocolVersionSetting;
  onChange(value: ProtocolVersionSetting): void;
}) {
  const { t } = useTranslation('app');
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t('form.protocolVersion')}
      </label>
      <select
        id={id}
        name="protocolVersion"
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          if (isSetting(e.target.value)) onChange(e.target.value);
        }}
        className="w-72 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {PROTOCOL_VERSION_SETTINGS.map((setting) => (
          <option key={setting} value={setting}>
            {t(`form.protocol.${setting === '3.1.1' ? 'v311' : setting === '5' ? 'v5' : 'auto'}`)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t('form.protocolHint')}
      </p>
    </div>
  );
}
