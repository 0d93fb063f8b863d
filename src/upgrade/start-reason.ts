/** Why "Start upgrade" is disabled, as the sentence shown under it; null when it can start. */
import type { Firmware } from '../firmware/firmware.ts';
import { preflightBlocksStart, type PreflightResult } from '../firmware/preflight-result.ts';
import type { OptionsParse } from './campaign-options.ts';
import { listOf } from '../ui/i18n/message.ts';
import { message, type UpgradeMessage } from './upgrade-message.ts';

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

export function startBlockedMessage(input: StartInputs): UpgradeMessage | null {
  if (input.readOnly) return message('start.blocked.readOnly');
  if (input.chosen.length === 0) return message('start.blocked.noFirmware');
  if (input.selectedCount === 0) return message('start.blocked.noGateway');
  if (input.sendCount === 0) return message('start.blocked.nothingToSend');
  const { errors } = input.options;
  const optionError = errors.maxParallel ?? errors.pauseAfterFailures ?? errors.canary;
  if (optionError !== null) return message('start.blocked.options', { error: optionError });
  const blocking = input.chosen.filter((_, i) => preflightBlocksStart(input.preflight[i], input.override));
  if (blocking.length > 0)
    return message('start.blocked.preflight', {
      files: listOf(
        blocking.map((f) => f.fileName),
        'plain',
      ),
    });
  return null;
}
