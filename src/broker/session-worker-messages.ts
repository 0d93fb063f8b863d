/**
 * What the page and the broker worker say to each other (worker-session.ts <-> session-worker-host.ts).
 * Both ends are this build's own code, but a message still crosses a thread boundary as `unknown`:
 * the small control messages are checked with zod; a batch's items are the decoder's own output
 * (packed by batch-wire.ts), already validated in the worker, and are only checked to be an array
 * (re-validating 10,000 messages a second on the page would put back the work the worker exists to
 * take away).
 */
import { z } from 'zod';
import type { WireItem } from './batch-wire.ts';
import type { BrokerErrorInfo, ConnectionPhase, ConnectionState } from './connection-store.ts';

const optionalNumber = z.number().finite().optional();

export const hostSessionOptionsSchema = z.object({
  /** Already resolved by the page (ws:// or wss://): the worker's own location is its script's. */
  url: z.string(),
  username: z.string().optional(),
  password: z.string().optional(),
  clientId: z.string(),
  persistent: z.boolean(),
  readOnly: z.boolean(),
  /** Answer need_reply events and update_topo from the worker, off the page's thread. */
  respondToDevices: z.boolean(),
  sessionExpirySeconds: optionalNumber,
  maxPacketSize: optionalNumber,
  reconnect: z.object({ minDelayMs: optionalNumber, maxDelayMs: optionalNumber, authRetryDelayMs: optionalNumber }).optional(),
  protocolVersion: z.union([z.literal(4), z.literal(5)]).optional(),
  protocolFallback: z.boolean().optional(),
  connectTimeoutMs: optionalNumber,
  keepaliveSeconds: optionalNumber,
  /** Decoding of campaign records happens in the worker, so the namespace goes there. */
  campaignNamespace: z.string().optional(),
  will: z.object({ topic: z.string(), payload: z.string(), qos: z.union([z.literal(0), z.literal(1)]), retain: z.boolean() }).optional(),
  osd: z.enum(['all', 'watched']).optional(),
});
export type HostSessionOptions = z.infer<typeof hostSessionOptionsSchema>;

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), options: hostSessionOptionsSchema }),
  z.object({
    type: z.literal('publish'),
    id: z.number().int(),
    topic: z.string(),
    /** Sent as JSON by the worker's session, exactly as the in-page session would. */
    message: z.union([
      z.string(),
      z.custom<object>(
        (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
        'message must be an object or text',
      ),
    ]),
    qos: z.union([z.literal(0), z.literal(1)]),
    retain: z.boolean().optional(),
  }),
  z.object({ type: z.literal('resubscribe'), id: z.number().int(), filter: z.string() }),
  /** The devices whose osd the page wants (session.ts watchOsd). */
  z.object({ type: z.literal('watchOsd'), sns: z.array(z.string()) }),
  z.object({ type: z.literal('close') }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

/** An error as it crosses the boundary: classes do not survive structured cloning. */
export interface WireError {
  name: string;
  message: string;
}

export type FromWorker =
  | { type: 'connection'; state: ConnectionState }
  | { type: 'batch'; batch: readonly WireItem[] }
  | { type: 'published'; id: number; error: WireError | null }
  /** The worker could not open the session (the page shows why). */
  | { type: 'failed'; error: WireError }
  | { type: 'closed' };

const PHASES = ['connecting', 'connected', 'reconnecting', 'disconnected'] as const satisfies readonly ConnectionPhase[];
const wireErrorSchema = z.object({ name: z.string(), message: z.string() });

// The error info is a closed union that broker-error.ts reads field by field; checked here so a
// mismatch between the two ends shows up as a clear error, not as undefined words on screen.
const errorInfoSchema: z.ZodType<BrokerErrorInfo> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('connack'), code: z.number() }),
  z.object({ kind: z.literal('transport'), code: z.string() }),
  z.object({ kind: z.literal('refused') }),
  z.object({ kind: z.literal('closedBeforeConnack') }),
  z.object({ kind: z.literal('socketClosed'), code: z.number(), reason: z.string() }),
  z.object({ kind: z.literal('lost') }),
  z.object({ kind: z.literal('subscriptionsRefused'), filters: z.array(z.string()).readonly(), all: z.boolean() }),
  z.object({ kind: z.literal('disconnected'), code: z.number() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);

const connectionStateSchema: z.ZodType<ConnectionState> = z.object({
  phase: z.enum(PHASES),
  lastError: z.string().nullable(),
  lastErrorInfo: errorInfoSchema.nullable(),
  since: z.number(),
  lastMessageAt: z.number().nullable(),
  url: z.string().nullable(),
  protocolVersion: z.union([z.literal(4), z.literal(5)]).nullable(),
  readOnly: z.boolean(),
});

const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connection'), state: connectionStateSchema }),
  z.object({ type: z.literal('published'), id: z.number(), error: wireErrorSchema.nullable() }),
  z.object({ type: z.literal('failed'), error: wireErrorSchema }),
  z.object({ type: z.literal('closed') }),
]);

export type FromWorkerResult = { ok: true; message: FromWorker } | { ok: false; reason: string };

function isBatch(data: unknown): data is { type: 'batch'; batch: readonly WireItem[] } {
  return (
    typeof data === 'object' && data !== null && 'type' in data && data.type === 'batch' && 'batch' in data && Array.isArray(data.batch)
  );
}

export function readFromWorker(data: unknown): FromWorkerResult {
  if (isBatch(data)) return { ok: true, message: data };
  const parsed = fromWorkerSchema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, reason: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`).join('; ') };
}

export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
