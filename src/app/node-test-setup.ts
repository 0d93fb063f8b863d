import { chooseNodeTransports } from '../broker/mqtt-node-mode-test-kit.ts';
import { setLanguage } from '../ui/i18n/i18n.ts';
import { setUpI18n } from './i18n-setup.ts';

// Node tests read messages in English (englishText) as the app does, and in Chinese where a test
// asks for it: both languages' strings are registered, English active.
setUpI18n(null);
await setLanguage('zh-CN', { persist: false });
await setLanguage('en', { persist: false });

chooseNodeTransports();
