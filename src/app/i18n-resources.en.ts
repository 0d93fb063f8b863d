import { en as diagnostics } from '../diagnostics/locales/en.ts';
import { en as dock } from '../dock/locales/en.ts';
import { en as firmware } from '../firmware/locales/en.ts';
import { en as fleet } from '../fleet/locales/en.ts';
import { en as kiosk } from '../kiosk/locales/en.ts';
import { en as protocol } from '../ui/i18n/protocol/en.ts';
import { en as common } from '../ui/locales/en.ts';
import { en as campaigns } from '../campaigns/locales/en.ts';
import { en as monitor } from '../monitor/locales/en.ts';
import { en as tasks } from '../tasks/locales/en.ts';
import { en as upgrades } from '../upgrade/locales/en.ts';
import { en as app } from './locales/en.ts';

/** Every namespace in English, bundled with the app: the fallback for every other language. */
export const enResources = {
  common,
  protocol,
  app,
  fleet,
  firmware,
  upgrades,
  tasks,
  campaigns,
  monitor,
  kiosk,
  diagnostics,
  dock,
} as const;

export type EnResources = typeof enResources;
