// The formatting lives in src/ui/i18n/format.ts (per locale); these names stay for the monitor's call sites.
export { formatDuration, formatDurationAgo as formatAge, formatSpeed } from '../ui/i18n/format.ts';
