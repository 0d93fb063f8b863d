import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { connectionNoticeOf } from '../broker/connection-notice';
import { NavLink, Outlet } from 'react-router';
import { ConnectionBanner } from '../ui/connection-banner';
import { StaleDataProvider } from '../ui/stale-data';
import { useConnection, useConnectionStore } from './app-context';
import { ConfigProblemsBanner } from './config/config-problems-banner';
import { useRuntimeConfig } from './config/use-runtime-config';
import { ConnectionStatus } from './connection-status';
import { KioskRoute, kioskRequested } from './kiosk-route';
import { LanguageNote } from './language-note';

/** The connection banner's id: dimmed figures point to it (aria-describedby). */
const CONNECTION_BANNER_ID = 'connection-banner';

const NAV = [
  { to: '/upgrade', label: 'nav.upgrade' },
  { to: '/monitor', label: 'nav.monitor' },
  { to: '/campaigns', label: 'nav.campaigns' },
  { to: '/fleet', label: 'nav.fleet' },
  { to: '/firmware', label: 'nav.firmware' },
  { to: '/settings', label: 'nav.settings' },
  { to: '/diagnostics', label: 'nav.diagnostics' },
] as const;

export function Layout() {
  const { t } = useTranslation('app');
  const runtime = useRuntimeConfig();
  const sessionReadOnly = useConnection((s) => s.readOnly);
  const stale = useConnection((s) => s.phase !== 'connected');
  const notice = useStore(connectionNoticeOf(useConnectionStore()));
  const staleData = useMemo(() => ({ stale, noteId: CONNECTION_BANNER_ID }), [stale]);
  const readOnly = sessionReadOnly || (runtime.status === 'ready' && (runtime.config.readOnly || runtime.config.kiosk));
  // `?kiosk`: the wallboard instead of the operator layout, whatever the route.
  if (kioskRequested(runtime)) return <KioskRoute />;
  return (
    // data-themed: the dark palette (src/ui/theme/dark-palette.css) applies here, not to the kiosk.
    <div data-themed="" className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 bg-white px-4 py-2">
        <span className="text-lg font-semibold">{t('title')}</span>
        <nav aria-label={t('nav.label')} className="flex flex-wrap gap-1">
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              className={({ isActive }) =>
                `rounded px-3 py-1.5 text-sm font-medium ${isActive ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`
              }
            >
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto">
          <ConnectionStatus readOnly={readOnly} />
        </div>
      </header>
      <ConnectionBanner notice={notice} look="screen" id={CONNECTION_BANNER_ID} />
      <ConfigProblemsBanner runtime={runtime} />
      <LanguageNote />
      <main className="flex-1">
        <StaleDataProvider value={staleData}>
          <Outlet />
        </StaleDataProvider>
      </main>
    </div>
  );
}
