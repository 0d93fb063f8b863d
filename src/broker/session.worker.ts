import { z } from 'zod';
import { serveBrokerSession, type HostPort } from './session-worker-host.ts';

// The worker runs under the same Content-Security-Policy as the page (no 'unsafe-eval'): zod's
// probe for `new Function` would be refused and reported, so its interpreted parsers are chosen
// up front (src/app/zod-csp.ts does the same on the page).
z.config({ jitless: true });

// The DOM lib types `self` as a Window; this is the slice of a dedicated worker scope used here.
serveBrokerSession(self as unknown as HostPort, {
  // The session makes the socket itself to read the broker's close code and reason.
  createWebSocket: (url, protocols) => new WebSocket(url, protocols),
});
