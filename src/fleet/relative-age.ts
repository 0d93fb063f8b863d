// The formatting lives in src/ui/i18n/format.ts (per locale); this name stays for the fleet's call sites.
export { formatRelativeAge as formatAge } from '../ui/i18n/format.ts';
