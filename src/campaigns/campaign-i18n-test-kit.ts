/** Tests' own i18next instance holding the campaign, task and protocol strings, for code that takes an instance or a `t`. */
import i18next, { type i18n as I18n } from 'i18next';
import { en as protocolEn } from '../ui/i18n/protocol/en.ts';
import { zhCN as protocolZh } from '../ui/i18n/protocol/zh-CN.ts';
import { en as tasksEn } from '../tasks/locales/en.ts';
import { zhCN as tasksZh } from '../tasks/locales/zh-CN.ts';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';

export function campaignTestI18n(language: 'en' | 'zh-CN' = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    ns: ['campaigns', 'tasks', 'protocol'],
    defaultNS: 'campaigns',
    resources: {
      en: { campaigns: en, tasks: tasksEn, protocol: protocolEn },
      'zh-CN': { campaigns: zhCN, tasks: tasksZh, protocol: protocolZh },
    },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
