import { createPacketRouter, joinBytes, type PacketRouterHooks } from './publish-fast-path.ts';
import type { SessionWebSocket } from './session-types.ts';
import type { Timers } from './timers.ts';

/** What a message event carries: an ArrayBuffer once MQTT.js set binaryType, text for a text frame. */
interface MessageLike {
  data: unknown;
}

type Listener = (event: MessageLike) => void;
type AddListener = (type: string, listener: Listener, options?: unknown) => void;

const encoder = new TextEncoder();

function bytesOf(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return encoder.encode(data);
  return null;
}

/** MQTT.js reads `event.data` as an ArrayBuffer: the packets' own, copied out when they are a slice. */
function ownBuffer(packets: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = packets;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return packets.slice().buffer;
}

/**
 * How long PUBACKs wait to go out together. Each send is a frame the browser's network process and
 * the broker handle on their own; one per message at 10,000 a second took CPU the whole machine
 * was short of. Held this long they still stay far under any receive maximum (MQTT 5's default is
 * 65,535 unacknowledged messages).
 */
export const ACK_DELAY_MS = 10;

export interface RouteHooks extends Omit<PacketRouterHooks, 'forward' | 'acknowledge'> {
  /** Where the PUBACK delay is scheduled (the session's timers). */
  timers: Pick<Timers, 'schedule'>;
}

/**
 * Puts the PUBLISH fast path (publish-fast-path.ts) between the socket and the message listener
 * MQTT.js adds: the listener then only hears the packets MQTT.js handles. Patched on the socket
 * itself, so everything else MQTT.js uses (readyState, send, close, bufferedAmount) stays the real one.
 */
export function routeIncoming(socket: SessionWebSocket, hooks: RouteHooks): void {
  let acks: Uint8Array[] = [];
  let ackBytes = 0;
  const sendAcks = () => {
    const out = joinBytes(acks, ackBytes);
    acks = [];
    ackBytes = 0;
    // A socket closed meanwhile takes nothing: the broker sends those messages again on the next
    // connection of a persistent session, as QoS 1 provides.
    try {
      socket.send(out);
    } catch {
      /* the socket is closing: see above */
    }
  };

  // The overloads of addEventListener are one function underneath: it is replaced as that.
  const target = socket as unknown as { addEventListener: AddListener };
  const add = target.addEventListener.bind(socket);
  target.addEventListener = (type, listener, options) => {
    if (type !== 'message') {
      add(type, listener, options);
      return;
    }
    const router = createPacketRouter({
      ...hooks,
      forward: (packets) => listener({ data: ownBuffer(packets) }),
      acknowledge: (packets) => {
        if (acks.length === 0) hooks.timers.schedule(sendAcks, ACK_DELAY_MS);
        acks.push(packets);
        ackBytes += packets.length;
      },
    });
    add(
      'message',
      (event) => {
        const bytes = bytesOf(event.data);
        // A Blob (binaryType left at its default) is MQTT.js's to read.
        if (bytes === null) listener(event);
        else router.push(bytes);
      },
      options,
    );
  };
}
