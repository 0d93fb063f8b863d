// The formatting lives in src/ui/i18n/format.ts (per locale); these names stay for the firmware call sites.
export { formatBytesWithExact as formatBytes, formatDate } from '../ui/i18n/format.ts';
