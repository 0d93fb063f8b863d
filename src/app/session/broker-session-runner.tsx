import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useRuntimeConfig } from '../config/use-runtime-config';
import { brokerSessionController } from './broker-session-controller';
import { reconnectStore } from './reconnect-store';
import { sessionTargetFor } from './session-target';

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
    void brokerSessionController.configure(target);
    // targetKey stands for target: a new object each render, equal content must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetKey]);

  useEffect(() => {
    if (requests === handledRequests.current) return;
    handledRequests.current = requests;
    void brokerSessionController.restart();
  }, [requests]);

  useEffect(() => () => void brokerSessionController.configure(null), []);

  return null;
}
