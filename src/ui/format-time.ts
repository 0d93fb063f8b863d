// The formatting lives in src/ui/i18n/format.ts (per locale); these names stay for their call sites.
export { formatClock, formatDateTime } from './i18n/format.ts';
