import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Weekday } from '../campaigns/maintenance-window';
import { CheckboxField } from '../ui/checkbox-field';
import { useMessageText } from '../ui/i18n/message';
import { useLanguage } from '../ui/i18n/use-language';
import { TextField } from '../ui/text-field';
import type { TimingParse, TimingText } from './campaign-timing-options';

export interface CampaignTimingFieldsProps {
  text: TimingText;
  parsed: TimingParse;
  onChange: (text: TimingText) => void;
}

function zoneNames(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** Maintenance window, "Start not before" and the idle gate: when the campaign may send. */
export function CampaignTimingFields({ text, parsed, onChange }: CampaignTimingFieldsProps) {
  const { t } = useTranslation('upgrades');
  const say = useMessageText();
  const language = useLanguage();
  const zonesId = useId();
  const daysErrorId = useId();
  const zones = useMemo(() => zoneNames(), []);
  const dayName = useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    return (d: Weekday) => format.format(Date.UTC(2024, 0, d));
  }, [language]);
  const { errors } = parsed;
  const err = (field: keyof TimingParse['errors']) => {
    const e = errors[field];
    return e === undefined ? null : say(e);
  };
  const toggleDay = (day: Weekday, on: boolean) =>
    onChange({ ...text, days: on ? [...text.days.filter((d) => d !== day), day] : text.days.filter((d) => d !== day) });
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-semibold">{t('timing.legend')}</legend>
      <CheckboxField
        label={t('timing.windowOn')}
        hint={t('timing.windowOnHint')}
        checked={text.windowOn}
        onChange={(e) => onChange({ ...text, windowOn: e.target.checked })}
      />
      {text.windowOn ? (
        <>
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1" aria-describedby={err('days') === null ? undefined : daysErrorId}>
            <legend className="mb-1 text-sm font-medium text-slate-800">{t('timing.days')}</legend>
            {WEEKDAYS.map((day) => (
              <CheckboxField
                key={day}
                label={dayName(day)}
                checked={text.days.includes(day)}
                onChange={(e) => toggleDay(day, e.target.checked)}
              />
            ))}
            {err('days') === null ? null : (
              <p id={daysErrorId} className="basis-full text-sm text-red-700">
                {err('days')}
              </p>
            )}
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label={t('timing.start')}
              type="time"
              value={text.start}
              onChange={(e) => onChange({ ...text, start: e.target.value })}
              error={err('start')}
            />
            <TextField
              label={t('timing.duration')}
              inputMode="numeric"
              value={text.duration}
              onChange={(e) => onChange({ ...text, duration: e.target.value })}
              hint={t('timing.durationHint')}
              error={err('duration')}
            />
          </div>
        </>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('timing.timeZone')}
          list={zonesId}
          autoComplete="off"
          value={text.timeZone}
          onChange={(e) => onChange({ ...text, timeZone: e.target.value })}
          hint={t('timing.timeZoneHint')}
          error={err('timeZone')}
        />
        <TextField
          label={t('timing.notBefore')}
          type="datetime-local"
          value={text.notBefore}
          onChange={(e) => onChange({ ...text, notBefore: e.target.value })}
          hint={t('timing.notBeforeHint')}
          error={err('notBefore')}
        />
      </div>
      <datalist id={zonesId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <CheckboxField
        label={t('timing.gate')}
        hint={t('timing.gateHint')}
        checked={text.gate}
        onChange={(e) => onChange({ ...text, gate: e.target.checked })}
      />
      <CheckboxField
        label={t('timing.allowUnknown')}
        hint={t('timing.allowUnknownHint')}
        checked={text.gate && text.allowUnknown}
        disabled={!text.gate}
        onChange={(e) => onChange({ ...text, allowUnknown: e.target.checked })}
      />
    </fieldset>
  );
}
