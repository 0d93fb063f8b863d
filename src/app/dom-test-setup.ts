import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setUpI18n } from './i18n-setup';
import { i18n, setLanguage } from '../ui/i18n/i18n';

// Component tests run in English, the default for an English browser (docs/operations.md,
// "Languages").
setUpI18n(null);

// jsdom does not scroll; lists that scroll with the page (src/upgrade/window-row-list.tsx) call this.
window.scrollTo = () => undefined;

afterEach(async () => {
  cleanup();
  // Files share one jsdom here (isolate: false): a test's URL parameters and saved settings must
  // not reach the next file, whose screens read both.
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  sessionStorage.clear();
  // A test that switched language must not leak it into the next one.
  if (i18n.language !== 'en') await setLanguage('en', { persist: false });
});
