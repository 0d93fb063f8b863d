/**
 * The console's English strings, registered in the shared i18n instance so the runner's messages
 * (skip reasons, result codes, paused reasons) read exactly as the English screens say them.
 */
import { en as campaigns } from '../src/campaigns/locales/en.ts';
import { en as diagnostics } from '../src/diagnostics/locales/en.ts';
import { en as dock } from '../src/dock/locales/en.ts';
import { en as firmware } from '../src/firmware/locales/en.ts';
import { en as fleet } from '../src/fleet/locales/en.ts';
import { en as kiosk } from '../src/kiosk/locales/en.ts';
import { en as monitor } from '../src/monitor/locales/en.ts';
import { en as tasks } from '../src/tasks/locales/en.ts';
import { initI18n } from '../src/ui/i18n/i18n.ts';
import { en as protocol } from '../src/ui/i18n/protocol/en.ts';
import { en as common } from '../src/ui/locales/en.ts';
import { en as upgrades } from '../src/upgrade/locales/en.ts';

export function useEnglish(): void {
  // The app's own namespace holds screen texts only; nothing the runner prints comes from it.
  initI18n({
    en: { common, protocol, app: {}, fleet, firmware, upgrades, tasks, campaigns, monitor, kiosk, diagnostics, dock },
    loaders: {},
    storage: null,
  });
}
