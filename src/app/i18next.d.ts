import 'i18next';
import type { EnResources } from './i18n-resources.en.ts';

// `t` keys are checked against the English resources: t('app:nav.typo') does not compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: EnResources;
    returnNull: false;
  }
}
