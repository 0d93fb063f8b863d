// The formatting lives in src/ui/i18n/format.ts (per locale); this name stays for the kiosk's call sites.
export { formatHourMinute } from '../ui/i18n/format.ts';
