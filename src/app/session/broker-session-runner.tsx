import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useRuntimeConfig } from '../config/use-runtime-config';
import { reconnectStore } from './reconnect-store';
import type { SessionController } from './session-controller';
import { sessionErrorStore } from './session-error-store';
import { sessionTargetFor } from './session-target';

// The broker session brings mqtt (the largest dependency) and the stores it feeds; loading it after
// the shell keeps the first paint within the initial JS budget (issue 9). Calls keep their order:
// each one is chained on the same promise.
let controllerLoad: Promise<SessionController> | null = null;

function withController(use: (controller: SessionController) => Promise<void>): void {
  controllerLoad ??= import('./broker-session-controller').then((m) => m.brokerSessionController);
  const load = controllerLoad;
  load.then(use, (error: unknown) => {
    // A failed chunk load (e.g. the server was redeployed) is retried on the next change.
    if (controllerLoad === load) controllerLoad = null;
    sessionErrorStore.setState({ error: `Could not start the broker session: ${error instanceof Error ? error.message : String(error)}` });
  });
}

/**
 * Mounted once under the providers: keeps the broker session in line with the effective config.
 * Renders nothing. The controller ignores a target equal to the current one, so re-renders and
 * StrictMode's double effects do not reconnect.
 */
export function BrokerSessionRunner() {
  const runtime = useRuntimeConfig();
  const target = runtime.status === 'ready' ? sessionTargetFor(runtime.config) : null;
  const targetKey = JSON.stringify(target);
  const requests = useStore(reconnectStore, (s) => s.requests);
  const handledRequests = useRef(requests);

  useEffect(() => {
    withController((c) => c.configure(target));
    // targetKey stands for target: a new object each render, equal content must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetKey]);

  useEffect(() => {
    if (requests === handledRequests.current) return;
    handledRequests.current = requests;
    withController((c) => c.restart());
  }, [requests]);

  useEffect(() => () => withController((c) => c.configure(null)), []);

  return null;
}
