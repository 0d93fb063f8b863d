/**
 * Which changed records a periodic write takes. At fleet scale most changes are minor: a task's
 * percent moving, a gateway's last-seen moving, every second for every record. Writing them as
 * often as they change took 1.5-2 s of the page's thread per 10,000 records and ran IndexedDB in
 * the browser beside the traffic. So the facts of each record written (what it holds apart from
 * those moving fields) are kept: a changed record whose facts are still those is written at most
 * once per `minorEveryMs`, and at most `minorPerAsk` of them per write; any other change (new
 * record, new status, a step or a failure) is written at once. A flush (pagehide, tests, the
 * campaigns' write-ahead) writes everything.
 */

/** A minor change waits at most this long before a periodic write takes it. */
export const MINOR_CHANGE_EVERY_MS = 60_000;

/** Minor changes one periodic write takes at most, so a fleet's worth is spread over several. */
export const MINOR_CHANGES_PER_ASK = 500;

export interface PacerOptions {
  minorEveryMs?: number;
  minorPerAsk?: number;
}

/** How a collection tells a minor change from the rest. */
export interface FactsRule<T, F> {
  /** What a record says apart from its moving fields, kept per key when it is written. */
  factsOf(value: T): F;
  /** Whether `value` still says what the kept facts say. Runs for every changed record on every ask: no allocation. */
  sameFacts(facts: F, value: T): boolean;
}

interface Written<F> {
  readonly facts: F;
  readonly at: number;
}

export class ChangePacer<T, F> {
  readonly #rule: FactsRule<T, F>;
  readonly #written = new Map<string, Written<F>>();
  /** Keys held back by the current ask (since beginAsk). */
  readonly #held = new Set<string>();
  #minorTaken = 0;
  /** Some minor change was due but over the per-ask limit: the next write should come soon. */
  #overLimit = false;
  readonly #minorEveryMs: number;
  readonly #minorPerAsk: number;

  constructor(rule: FactsRule<T, F>, options: PacerOptions = {}) {
    this.#rule = rule;
    this.#minorEveryMs = options.minorEveryMs ?? MINOR_CHANGE_EVERY_MS;
    this.#minorPerAsk = options.minorPerAsk ?? MINOR_CHANGES_PER_ASK;
  }

  /** Starts one ask for changed keys (a dirtyKeys call). */
  beginAsk(): void {
    this.#held.clear();
    this.#minorTaken = 0;
    this.#overLimit = false;
  }

  /** Whether this changed record is written by this ask; `full` takes every change. */
  due(key: string, value: T, now: number, full: boolean): boolean {
    const last = this.#written.get(key);
    if (full || last === undefined || !this.#rule.sameFacts(last.facts, value)) return true;
    if (now - last.at >= this.#minorEveryMs) {
      if (this.#minorTaken < this.#minorPerAsk) {
        this.#minorTaken += 1;
        return true;
      }
      this.#overLimit = true;
    }
    this.#held.add(key);
    return false;
  }

  /** The record was handed to a write with this value. */
  written(key: string, value: T, now: number): void {
    this.#written.set(key, { facts: this.#rule.factsOf(value), at: now });
  }

  /**
   * When the writer should ask again though the store stays quiet: null when nothing is held back,
   * 0 when held-back changes are due already (over the per-ask limit), else the minor interval.
   */
  askAgainIn(): number | null {
    if (this.#held.size === 0) return null;
    return this.#overLimit ? 0 : this.#minorEveryMs;
  }

  get holding(): boolean {
    return this.#held.size > 0;
  }

  /** Forgets keys the store no longer holds, once it knows more than twice as many keys as the store holds. */
  retain(has: (key: string) => boolean, liveCount: number): void {
    if (this.#written.size <= liveCount * 2) return;
    for (const key of this.#written.keys()) if (!has(key)) this.#written.delete(key);
  }
}
