import { NavLink, Outlet } from 'react-router';
import { useStore } from 'zustand';
import { connectionStore } from '../broker/connection-store';
import { ConfigProblemsBanner } from './config/config-problems-banner';
import { useRuntimeConfig } from './config/use-runtime-config';
import { ConnectionStatus } from './connection-status';
import { KioskRoute, kioskRequested } from './kiosk-route';

const NAV = [
  { to: '/upgrade', label: 'Upgrade' },
  { to: '/monitor', label: 'Monitor' },
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/fleet', label: 'Fleet' },
  { to: '/firmware', label: 'Firmware' },
  { to: '/settings', label: 'Settings' },
  { to: '/diagnostics', label: 'Diagnostics' },
] as const;

export function Layout() {
  const runtime = useRuntimeConfig();
  const sessionReadOnly = useStore(connectionStore, (s) => s.readOnly);
  const readOnly = sessionReadOnly || (runtime.status === 'ready' && (runtime.config.readOnly || runtime.config.kiosk));
  // `?kiosk`: the wallboard instead of the operator layout, whatever the route.
  if (kioskRequested(runtime)) return <KioskRoute />;
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 bg-white px-4 py-2">
        <span className="text-lg font-semibold">OTA Console</span>
        <nav aria-label="Main" className="flex flex-wrap gap-1">
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              className={({ isActive }) =>
                `rounded px-3 py-1.5 text-sm font-medium ${isActive ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`
              }
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto">
          <ConnectionStatus readOnly={readOnly} />
        </div>
      </header>
      <ConfigProblemsBanner runtime={runtime} />
      <main className="flex-1">
        <Outlet />
      </main>
    </div>
  );
}
