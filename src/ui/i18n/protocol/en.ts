/**
 * The 'protocol' namespace in English: the device labels from src/protocol/labels.ts, and the
 * result-code texts of result-codes.ts word for word (protocol-labels.test.ts holds those equal).
 */
import { STATUS_LABELS, STEP_LABELS, SUB_STATUS_LABELS } from '../../../protocol/labels.ts';

export const en = {
  // The labels themselves: one table (src/protocol/labels.ts), not a copy to keep in step.
  status: STATUS_LABELS,
  subStatus: SUB_STATUS_LABELS,
  step: STEP_LABELS,
  resultCode: {
    '0': 'Success',
    '312001': 'A consistency upgrade was sent, but the device did not ask for one',
    '312002': 'The upgrade failed; retry it',
    '312003': 'The upgrade failed; retry it',
    '312004': 'The upgrade failed; retry it',
    '312010': 'The request does not match the device API (bad parameters)',
    '312012': 'The request does not match the device API (bad parameters)',
    '312013': 'The upgrade failed; retry it',
    '312014': 'The device is already upgrading',
    '312015': 'The dock is busy (for example a flight is in progress)',
    '312016': 'Transmission error between the dock and the aircraft',
    '312017': 'The version check failed',
    '312018': 'The upgrade failed; retry it',
    '312019': 'The upgrade failed; retry it',
    '312020': 'The upgrade failed; retry it',
    '312021': 'The upgrade failed; retry it',
    '312022': 'The aircraft does not power on or is not paired',
    '312023': 'The driving rods cannot close (emergency stop pressed or rods blocked)',
    '312024': 'The upgrade failed; retry it',
    '312025': 'The old firmware package cannot be deleted',
    '312026': 'The offline firmware package cannot be decompressed',
    '312027': 'There is no aircraft in the dock',
    '312028': 'The device rebooted during the upgrade',
    '312029': 'The device is rebooting',
    '312030': 'Enhanced 4G transmission is on: turn it off first',
    '312704': 'The battery is below 20%',
    '319038': 'The device is upgrading, try again later',
    '314000': 'The operation is not supported in the current state',
  },
  /** Codes without a specific text: where they came from, so support can still route them. */
  unknownCode: 'Unknown error (code {{code}})',
  unknownCodeParts: 'Unknown error (code {{code}}: {{source}}, module {{module}}, error {{error}})',
  sourceDevice: 'device',
  sourceOther: 'source {{source}}',
} as const;
