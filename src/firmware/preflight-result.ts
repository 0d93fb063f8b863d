import type { FirmwareMessage } from './firmware-message.ts';

export type PreflightOutcome = 'ok' | 'size-mismatch' | 'md5-mismatch' | 'unverifiable';

/** 'size' = HEAD and compare Content-Length; 'md5' = download, compare length and MD5. */
export type PreflightMode = 'size' | 'md5';

export interface PreflightResult {
  outcome: PreflightOutcome;
  mode: PreflightMode;
  /** One sentence for the operator: what was compared, or why it could not be (shown translated). */
  message: FirmwareMessage;
  /** The same sentence in English, for logs and anything outside React. */
  detail: string;
  /** ms since epoch. */
  checkedAt: number;
}

export function isMismatch(outcome: PreflightOutcome): boolean {
  return outcome === 'size-mismatch' || outcome === 'md5-mismatch';
}

/**
 * The start rule: a file proven wrong blocks the upgrade unless the operator explicitly overrides
 * it. Not checked, or not checkable from this browser (CORS, network), never blocks: the dock
 * downloads from its own network and verifies the MD5 itself.
 */
export function preflightBlocksStart(result: PreflightResult | null | undefined, override: boolean): boolean {
  if (!result) return false;
  return isMismatch(result.outcome) && !override;
}
