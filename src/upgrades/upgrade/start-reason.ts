/** Why "Start upgrade" is disabled, as the sentence shown under it; null when it can start. */
import type { Firmware } from '../../firmware/firmware.ts';
import { preflightBlocksStart, type PreflightResult } from '../../firmware/preflight-result.ts';
import type { OptionsParse } from './campaign-options.ts';

export interface StartInputs {
  readOnly: boolean;
  chosen: readonly Firmware[];
  selectedCount: number;
  sendCount: number;
  options: OptionsParse;
  /** Same order as `chosen`. */
  preflight: readonly (PreflightResult | null)[];
  override: boolean;
}

export function startBlockedReason(input: StartInputs): string | null {
  if (input.readOnly) return 'Read-only mode: this console sends nothing.';
  if (input.chosen.length === 0) return 'Choose a firmware first.';
  if (input.selectedCount === 0) return 'Select at least one gateway.';
  if (input.sendCount === 0) return 'Nothing to send: every selected gateway is skipped (see the preview for why).';
  const { errors } = input.options;
  const optionError = errors.maxParallel ?? errors.pauseAfterFailures ?? errors.canary;
  if (optionError !== null) return `Fix the campaign options: ${optionError}.`;
  const blocking = input.chosen.filter((_, i) => preflightBlocksStart(input.preflight[i], input.override));
  if (blocking.length > 0) {
    return `The pre-flight check found a mismatch for ${blocking.map((f) => f.fileName).join(', ')}. Tick “Override pre-flight mismatch” to send anyway.`;
  }
  return null;
}
