import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { RouterProvider, type DataRouter } from 'react-router';
import { AppProviders, FeatureProviders, type FeatureStores, type ShellStores } from './app-context';
import { BrokerSessionRunner } from './session/broker-session-runner';
import type { SessionController } from './session/session-controller';
import { HistoryLimitSync } from './history-limit-sync';
import { TaskTimingsSync } from './task-timings-sync';

export interface AppProps {
  shell: ShellStores;
  /** The features' stores, once their chunk has loaded (one promise for the page's lifetime). */
  features: Promise<FeatureStores>;
  /** The broker session controller, fed by those stores. */
  sessionController: Promise<SessionController>;
  router: DataRouter;
  queryClient: QueryClient;
}

export function App({ shell, features, sessionController, router, queryClient }: AppProps) {
  return (
    <AppProviders shell={shell} features={features} queryClient={queryClient}>
      <BrokerSessionRunner controller={sessionController} />
      <Suspense fallback={null}>
        <FeatureProviders>
          <TaskTimingsSync />
          <HistoryLimitSync />
        </FeatureProviders>
      </Suspense>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
