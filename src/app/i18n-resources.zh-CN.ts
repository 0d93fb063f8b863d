import type { Translation } from '../ui/i18n/translation-type.ts';
import { zhCN as diagnostics } from '../diagnostics/locales/zh-CN.ts';
import { zhCN as dock } from '../dock/locales/zh-CN.ts';
import { zhCN as firmware } from '../firmware/locales/zh-CN.ts';
import { zhCN as fleet } from '../fleet/locales/zh-CN.ts';
import { zhCN as kiosk } from '../kiosk/locales/zh-CN.ts';
import { zhCN as protocol } from '../ui/i18n/protocol/zh-CN.ts';
import { zhCN as common } from '../ui/locales/zh-CN.ts';
import { zhCN as campaigns } from '../campaigns/locales/zh-CN.ts';
import { zhCN as monitor } from '../monitor/locales/zh-CN.ts';
import { zhCN as tasks } from '../tasks/locales/zh-CN.ts';
import { zhCN as upgrades } from '../upgrade/locales/zh-CN.ts';
import type { EnResources } from './i18n-resources.en.ts';
import { zhCN as app } from './locales/zh-CN.ts';

/** Every namespace in Simplified Chinese. Only ever imported dynamically (see i18n-setup.ts): its own chunk. */
export const zhCNResources: Translation<EnResources> = {
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
};
