import type { Rng } from './rng.ts';

/** Probability per accepted upgrade, each 0..1. */
export interface FailureRates {
  download: number;
  verify: number;
  stall: number;
}

/** What will go wrong with one upgrade, drawn when it is accepted. */
export interface FailurePlan {
  /** Download fails once this share of the bytes has arrived; null = it does not fail. */
  downloadFailAt: number | null;
  /** Verification fails even when the md5 matches. */
  verifyFail: boolean;
  /** The dock goes silent once this share of the given step is done. */
  stall: { where: 'download' | 'upgrade'; at: number } | null;
}

export function drawPlan(rng: Rng, rates: FailureRates): FailurePlan {
  // Always draw every number so one rate does not shift the others' sequence.
  const d = [rng(), rng()];
  const v = rng();
  const s = [rng(), rng(), rng()];
  return {
    downloadFailAt: d[0]! < rates.download ? 0.1 + d[1]! * 0.8 : null,
    verifyFail: v < rates.verify,
    stall: s[0]! < rates.stall ? { where: s[1]! < 0.5 ? 'download' : 'upgrade', at: 0.2 + s[2]! * 0.6 } : null,
  };
}
