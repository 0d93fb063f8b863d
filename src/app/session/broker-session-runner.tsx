import { useEffect, useRef } from 'react';
import { useReconnectRequests } from '../app-context';
import { useRuntimeConfig } from '../config/use-runtime-config';
import type { SessionController } from './session-controller';
import { sessionTargetFor } from './session-target';

/**
 * Mounted once under the providers: keeps the broker session in line with the effective config.
 * Renders nothing. The controller comes with the features' chunk (it feeds their stores); calls made
 * before it is there wait for it, in order, as callbacks on the one promise. The controller ignores
 * a target equal to the current one, so re-renders and StrictMode's double effects do not reconnect.
 */
export function BrokerSessionRunner({ controller }: { controller: Promise<SessionController> }) {
  const runtime = useRuntimeConfig();
  const target = runtime.status === 'ready' ? sessionTargetFor(runtime.config) : null;
  const targetKey = JSON.stringify(target);
  const requests = useReconnectRequests();
  const handledRequests = useRef(requests);

  useEffect(() => {
    void controller.then((c) => c.configure(target));
    // targetKey stands for target: a new object each render, equal content must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller, targetKey]);

  useEffect(() => {
    if (requests === handledRequests.current) return;
    handledRequests.current = requests;
    void controller.then((c) => c.restart());
  }, [controller, requests]);

  useEffect(() => () => void controller.then((c) => c.configure(null)), [controller]);

  return null;
}
