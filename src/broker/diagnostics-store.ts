import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Decoded, DecodedKind } from '../protocol/messages.ts';
import { TOPIC_FAMILIES, type TopicFamily } from '../protocol/topics.ts';

/** Invalid messages whose topic was not ours count under 'unknown'. */
export type RateFamily = TopicFamily | 'unknown';

export interface InvalidRecord {
  at: number;
  topic: string;
  reason: string;
  size: number;
}

interface RateBucket {
  /** Whole seconds since epoch. */
  second: number;
  counts: Partial<Record<RateFamily, number>>;
}

export const INVALID_RING_SIZE = 200;
export const RATE_WINDOW_SECONDS = 10;

export interface DiagnosticsState {
  total: number;
  countsByKind: Readonly<Record<DecodedKind, number>>;
  invalidTotal: number;
  ignoredTotal: number;
  /** The most recent invalid messages, oldest first, at most INVALID_RING_SIZE. */
  recentInvalid: readonly InvalidRecord[];
  /** Messages per second per topic family over the last RATE_WINDOW_SECONDS, as of lastComputedAt. */
  ratePerFamily: Readonly<Record<RateFamily, number>>;
  lastComputedAt: number | null;
  firstObservedAt: number | null;
  rateBuckets: readonly RateBucket[];
  /** Called once per inbox flush: every aggregate is computed here, never per message. */
  batchObserved(batch: readonly Decoded[], now: number): void;
  /** Recomputes the rates without a batch, so they fall to zero when traffic stops. */
  clockTicked(now: number): void;
  reset(): void;
}

const ZERO_KINDS: Readonly<Record<DecodedKind, number>> = {
  ota_progress: 0,
  ota_create: 0,
  ota_create_reply: 0,
  update_topo: 0,
  state: 0,
  osd: 0,
  ignored: 0,
  invalid: 0,
  campaign_record: 0,
};

const RATE_FAMILIES: readonly RateFamily[] = [...TOPIC_FAMILIES, 'unknown'];

function zeroRates(): Record<RateFamily, number> {
  return Object.fromEntries(RATE_FAMILIES.map((f) => [f, 0])) as Record<RateFamily, number>;
}

function familyOf(message: Decoded): RateFamily {
  if (message.kind === 'campaign_record') return 'unknown';
  return message.kind === 'invalid' ? (message.family ?? 'unknown') : message.meta.family;
}

function computeRates(buckets: readonly RateBucket[], firstObservedAt: number, now: number): Record<RateFamily, number> {
  const rates = zeroRates();
  // Early on fewer than 10 one-second buckets exist: dividing by 10 would under-report them.
  const spanSeconds = Math.min(RATE_WINDOW_SECONDS, Math.floor(now / 1000) - Math.floor(firstObservedAt / 1000) + 1);
  for (const bucket of buckets) {
    for (const family of RATE_FAMILIES) rates[family] += bucket.counts[family] ?? 0;
  }
  for (const family of RATE_FAMILIES) rates[family] = rates[family] / spanSeconds;
  return rates;
}

function liveBuckets(buckets: readonly RateBucket[], now: number): RateBucket[] {
  const oldest = Math.floor(now / 1000) - RATE_WINDOW_SECONDS + 1;
  return buckets.filter((b) => b.second >= oldest);
}

type Data = Omit<DiagnosticsState, 'batchObserved' | 'clockTicked' | 'reset'>;

function initialData(): Data {
  return {
    total: 0,
    countsByKind: ZERO_KINDS,
    invalidTotal: 0,
    ignoredTotal: 0,
    recentInvalid: [],
    ratePerFamily: zeroRates(),
    lastComputedAt: null,
    firstObservedAt: null,
    rateBuckets: [],
  };
}

export type DiagnosticsStore = StoreApi<DiagnosticsState>;

export function createDiagnosticsStore(): DiagnosticsStore {
  return createStore<DiagnosticsState>()((set, get) => ({
    ...initialData(),
    batchObserved(batch, now) {
      if (batch.length === 0) return;
      const state = get();
      const counts = { ...state.countsByKind };
      const invalid: InvalidRecord[] = [];
      const second = Math.floor(now / 1000);
      const buckets = liveBuckets(state.rateBuckets, now);
      const last = buckets.at(-1);
      const bucket: RateBucket = last && last.second === second ? { second, counts: { ...last.counts } } : { second, counts: {} };
      for (const message of batch) {
        counts[message.kind] += 1;
        const family = familyOf(message);
        bucket.counts[family] = (bucket.counts[family] ?? 0) + 1;
        if (message.kind === 'invalid') invalid.push({ at: now, topic: message.topic, reason: message.reason, size: message.size });
      }
      if (last && last.second === second) buckets[buckets.length - 1] = bucket;
      else buckets.push(bucket);
      const firstObservedAt = state.firstObservedAt ?? now;
      set({
        total: state.total + batch.length,
        countsByKind: counts,
        invalidTotal: counts.invalid,
        ignoredTotal: counts.ignored,
        recentInvalid: invalid.length === 0 ? state.recentInvalid : [...state.recentInvalid, ...invalid].slice(-INVALID_RING_SIZE),
        rateBuckets: buckets,
        ratePerFamily: computeRates(buckets, firstObservedAt, now),
        firstObservedAt,
        lastComputedAt: now,
      });
    },
    clockTicked(now) {
      const state = get();
      if (state.firstObservedAt === null) return;
      const buckets = liveBuckets(state.rateBuckets, now);
      set({ rateBuckets: buckets, ratePerFamily: computeRates(buckets, state.firstObservedAt, now), lastComputedAt: now });
    },
    reset() {
      set(initialData());
    },
  }));
}
