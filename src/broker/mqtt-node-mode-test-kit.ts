import mqtt from 'mqtt';

/**
 * MQTT.js picks its transports once per module instance, on the first connect: the browser's
 * (WebSocket only) when that connect passed forceNativeWebSocket, as the session does when it makes
 * its own socket, else Node's (tcp, ws, tls). Node test files share module instances, so whichever
 * file connected first decided for all, and an mqtt:// client could find no transport. This makes
 * the first connect a Node one, whatever the file order. A session's own socket then goes through
 * MQTT.js's Node WebSocket stream, which does not take the PUBLISH fast path; the fast path is
 * tested on its own (publish-fast-path.test.ts) and end to end in session-fast-path.isolated.test.ts.
 */
export function chooseNodeTransports(): void {
  // manualConnect: the client is made (which is what fixes the choice) and never connects.
  mqtt.connect('mqtt://127.0.0.1:1', { manualConnect: true });
}
