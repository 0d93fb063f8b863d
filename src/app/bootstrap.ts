/**
 * The console's one start-up, called by main.tsx. Importing a module of this app starts nothing
 * (apart from zod-csp.ts, imported first, see there); what runs for the page's lifetime starts
 * here: the language, the shell's stores, then the features' stores with their persistence,
 * campaign leadership, the campaign runtime and the broker session controller
 * (bootstrap-features.ts, loaded after the shell's code), and the first render.
 */
import './zod-csp';
import { QueryClient } from '@tanstack/react-query';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrokerStores } from '../broker/broker-stores';
import { startTheme } from '../ui/theme/theme';
import { App } from './app';
import type { ShellStores } from './app-context';
import type { StartedFeatures } from './bootstrap-features';
import { createSavedSettingsStore } from './config/saved-settings-store';
import { startI18n } from './i18n-setup';
import { createAppRouter } from './routes';
import { createReconnectStore } from './session/reconnect-store';
import { createSessionErrorStore } from './session/session-error-store';

/** localStorage or sessionStorage when the page has it and it works (access throws when site data is blocked). */
function webStorage(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[name];
  } catch {
    return null;
  }
}

export async function bootstrap(container: HTMLElement): Promise<void> {
  // English is registered at once (campaign alerts may need words before the first render); the
  // chosen language loads meanwhile.
  const languageReady = startI18n().catch(() => undefined);
  const local = webStorage('localStorage');
  // Light, dark or the system's, on <html> before the first render.
  startTheme({ storage: local, systemDark: window.matchMedia?.('(prefers-color-scheme: dark)') ?? null, root: document.documentElement });
  const shell: ShellStores = {
    broker: createBrokerStores(),
    savedSettings: createSavedSettingsStore({ local, session: webStorage('sessionStorage') }),
    reconnect: createReconnectStore(),
    sessionError: createSessionErrorStore(),
  };

  // If the chunk cannot load (the server was redeployed) or fails to start, the shell stays up and
  // says why nothing connects; the feature screens keep showing "Loading…", not a blank page.
  const started = new Promise<StartedFeatures>((resolve) => {
    import('./bootstrap-features')
      .then((m) => m.startFeatures(shell, local))
      .then(resolve)
      .catch((error: unknown) =>
        shell.sessionError.setState({
          error: `Could not start the broker session: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
  });

  // Render once the chosen language's strings are in, so a Chinese page never flashes English.
  await languageReady;
  const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
  const app = createElement(App, {
    shell,
    features: started.then((f) => f.stores),
    sessionController: started.then((f) => f.sessionController),
    router: createAppRouter(),
    queryClient,
  });
  createRoot(container).render(createElement(StrictMode, null, app));
}
