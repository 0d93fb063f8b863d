// The formatting lives in src/ui/i18n/format.ts (per locale); these names stay for the diagnostics call sites.
export { formatBytes, formatRate } from '../ui/i18n/format.ts';
