import { lazy, Suspense, type ReactNode } from 'react';
import { createHashRouter, Navigate, type DataRouter } from 'react-router';
import { FeatureProviders, useDiagnosticsStore } from './app-context';
import { useRuntimeConfig } from './config/use-runtime-config';
import { KioskRoute } from './kiosk-route';
import { Layout } from './layout';

// Hash routing: `npm run build` output works from any static web server with no rewrite rules,
// and the query string (?broker=, ?kiosk) stays free for runtime configuration.
// Screens are lazy so the first paint only loads the shell (initial JS budget, issue 9).
const UpgradeScreen = lazy(() => import('../upgrade/upgrade-screen'));
const MonitorScreen = lazy(() => import('../monitor/monitor-screen'));
const FleetScreen = lazy(() => import('../dock/fleet-route'));
const DockScreen = lazy(() => import('../dock/dock-screen'));
const FirmwareScreen = lazy(() => import('../firmware/firmware-screen'));
const SettingsScreen = lazy(() => import('./settings-screen'));
const DiagnosticsScreen = lazy(() => import('../diagnostics/diagnostics-screen'));
const TaskDetailScreen = lazy(() => import('../monitor/task-detail-screen'));
const CampaignScreen = lazy(() => import('../campaigns/campaign-screen'));

// Features never import src/app: the catalog URL reaches the firmware screen as a prop.
function FirmwareRoute() {
  const runtime = useRuntimeConfig();
  return <FirmwareScreen catalogUrl={runtime.status === 'ready' ? runtime.config.catalogUrl : undefined} />;
}

// After a start the operator lands on the new campaign's view.
const campaignPath = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

function UpgradeRoute() {
  const runtime = useRuntimeConfig();
  const ready = runtime.status === 'ready' ? runtime.config : null;
  return <UpgradeScreen catalogUrl={ready?.catalogUrl} readOnly={ready?.readOnly ?? false} startedPath={campaignPath} />;
}

function FleetRoute() {
  const runtime = useRuntimeConfig();
  return <FleetScreen catalogUrl={runtime.status === 'ready' ? runtime.config.catalogUrl : undefined} />;
}

function CampaignRoute() {
  const runtime = useRuntimeConfig();
  return <CampaignScreen readOnly={runtime.status === 'ready' && runtime.config.readOnly} />;
}

function TaskDetailRoute() {
  const runtime = useRuntimeConfig();
  return <TaskDetailScreen readOnly={runtime.status === 'ready' && runtime.config.readOnly} />;
}

function MonitorRoute() {
  const runtime = useRuntimeConfig();
  return <MonitorScreen readOnly={runtime.status === 'ready' && runtime.config.readOnly} />;
}

function DiagnosticsRoute() {
  return <DiagnosticsScreen store={useDiagnosticsStore()} />;
}

const loading = <p className="p-6 text-slate-500">Loading…</p>;

/** A screen of the shell alone (Settings, Diagnostics): it opens even if the features' chunk fails. */
function screen(node: ReactNode) {
  return <Suspense fallback={loading}>{node}</Suspense>;
}

/** A screen that reads the features' stores: it waits for them under the same Suspense boundary. */
function featureScreen(node: ReactNode) {
  return (
    <Suspense fallback={loading}>
      <FeatureProviders>{node}</FeatureProviders>
    </Suspense>
  );
}

/** The console's routes; made by the bootstrap (a hash router listens to the window once made). */
export function createAppRouter(): DataRouter {
  return createHashRouter([
    // The wallboard is full-screen: outside the operator layout.
    { path: '/kiosk', element: <KioskRoute /> },
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <Navigate to="/monitor" replace /> },
        { path: 'upgrade', element: featureScreen(<UpgradeRoute />) },
        { path: 'monitor', element: featureScreen(<MonitorRoute />) },
        { path: 'fleet', element: featureScreen(<FleetRoute />) },
        { path: 'fleet/:sn', element: featureScreen(<DockScreen />) },
        { path: 'firmware', element: featureScreen(<FirmwareRoute />) },
        { path: 'settings', element: screen(<SettingsScreen />) },
        { path: 'diagnostics', element: screen(<DiagnosticsRoute />) },
        { path: 'tasks/:bid', element: featureScreen(<TaskDetailRoute />) },
        { path: 'campaigns', element: featureScreen(<CampaignRoute />) },
        { path: 'campaigns/:id', element: featureScreen(<CampaignRoute />) },
        { path: '*', element: <p className="p-6">Page not found.</p> },
      ],
    },
  ]);
}
