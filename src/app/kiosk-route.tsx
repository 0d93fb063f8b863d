import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceBySn } from '../fleet/fleet-selectors';
import { useFleet } from '../fleet/fleet-hooks';
import { DeviceModelProvider } from '../kiosk/device-model-context';
import { FeatureProviders, useConnectionStore } from './app-context';
import type { AppMessage } from './app-message';
import { parseQueryOverrides } from './config/query-overrides';
import { useMessageText } from '../ui/i18n/message';
import { configIssueNoteMessage } from './config/config-messages';
import { configFileMessage } from './config/load-config-file';
import { useRuntimeConfig, type RuntimeConfigState } from './config/use-runtime-config';

// Lazy: an operator console never loads the wallboard, a wallboard never loads the operator screens.
const KioskScreen = lazy(() => import('../kiosk/kiosk-screen'));

function currentSearch(): string {
  return typeof window === 'undefined' ? '' : window.location.search;
}

/**
 * The wallboard replaces the operator layout when the config says kiosk. While config.json is
 * still loading, the URL decides, so a TV opened with `?kiosk` never flashes the operator shell.
 */
export function kioskRequested(runtime: RuntimeConfigState): boolean {
  if (runtime.status === 'ready') return runtime.config.kiosk;
  return parseQueryOverrides(currentSearch()).layer.kiosk === true;
}

function configNotes(runtime: RuntimeConfigState): AppMessage[] {
  if (runtime.status !== 'ready') return [];
  const notes = runtime.issues.map(configIssueNoteMessage);
  if (runtime.file.kind === 'malformed') notes.push(configFileMessage(runtime.file));
  return notes;
}

/** The board's cards name a device by its model; the fleet knows models the tasks do not. */
const useFleetModelKey = (sn: string): string | null => useFleet((state) => deviceBySn(state, sn)?.modelKey ?? null);

const blank = <div className="fixed inset-0 cursor-none bg-neutral-950" />;

/**
 * `?kiosk` (any route) and `#/kiosk`. The kiosk role lives in the session (read-only, its own
 * client id), which the query string decides; so `#/kiosk` without it reloads the page with
 * `?kiosk` added rather than showing a wallboard over an operator session.
 */
export function KioskRoute() {
  const { t } = useTranslation('app');
  const say = useMessageText();
  const runtime = useRuntimeConfig();
  const connection = useConnectionStore();
  const kiosk = runtime.status === 'ready' && runtime.config.kiosk;
  const search = currentSearch();
  const explicitlyOff = new URLSearchParams(search).has('kiosk');
  const redirect = runtime.status === 'ready' && !kiosk && !explicitlyOff;

  useEffect(() => {
    if (!redirect) return;
    const url = new URL(window.location.href);
    url.searchParams.set('kiosk', '1');
    window.location.replace(url.toString());
  }, [redirect]);

  if (runtime.status !== 'ready' || redirect) return blank;
  if (!kiosk) {
    return <p className="p-6">{t('kiosk.off')}</p>;
  }
  return (
    <Suspense fallback={blank}>
      <FeatureProviders>
        <DeviceModelProvider value={useFleetModelKey}>
          <KioskScreen search={search} configNotes={configNotes(runtime).map(say)} connection={connection} />
        </DeviceModelProvider>
      </FeatureProviders>
    </Suspense>
  );
}
