/**
 * Readable texts for the result codes a dock returns (services_reply, ota_progress). Support staff
 * read these to decide what to do next, so each says what happened and, where known, what to try.
 */
const RETRY = 'The upgrade failed; retry it';
const BAD_REQUEST = 'The request does not match the device API (bad parameters)';

const TEXTS: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'Success'],
  [312001, 'A consistency upgrade was sent, but the device did not ask for one'],
  [312002, RETRY],
  [312003, RETRY],
  [312004, RETRY],
  [312010, BAD_REQUEST],
  [312012, BAD_REQUEST],
  [312013, RETRY],
  [312014, 'The device is already upgrading'],
  [312015, 'The dock is busy (for example a flight is in progress)'],
  [312016, 'Transmission error between the dock and the aircraft'],
  [312017, 'The version check failed'],
  [312018, RETRY],
  [312019, RETRY],
  [312020, RETRY],
  [312021, RETRY],
  [312022, 'The aircraft does not power on or is not paired'],
  [312023, 'The driving rods cannot close (emergency stop pressed or rods blocked)'],
  [312024, RETRY],
  [312025, 'The old firmware package cannot be deleted'],
  [312026, 'The offline firmware package cannot be decompressed'],
  [312027, 'There is no aircraft in the dock'],
  [312028, 'The device rebooted during the upgrade'],
  [312029, 'The device is rebooting'],
  [312030, 'Enhanced 4G transmission is on: turn it off first'],
  [312704, 'The battery is below 20%'],
  [319038, 'The device is upgrading, try again later'],
  [314000, 'The operation is not supported in the current state'],
]);

/** Every code with a specific text (0 included). */
export const KNOWN_RESULT_CODES: readonly number[] = Object.freeze([...TEXTS.keys()]);

export interface ResultCodeParts {
  /** A: who raised it; 3 and 5 are the device side. */
  source: number;
  /** BC: the module within the source. */
  module: number;
  /** DEF: the error within the module. */
  error: number;
}

/** Splits a six-digit ABCDEF code; null for anything else. */
export function resultCodeParts(code: number): ResultCodeParts | null {
  if (!Number.isInteger(code) || code < 100000 || code > 999999) return null;
  return { source: Math.floor(code / 100000), module: Math.floor(code / 1000) % 100, error: code % 1000 };
}

function sourceName(source: number): string {
  return source === 3 || source === 5 ? 'device' : `source ${source}`;
}

/** A readable text for any result code; unknown codes still show where they came from. */
export function resultCodeText(code: number): string {
  const known = TEXTS.get(code);
  if (known !== undefined) return known;
  const parts = resultCodeParts(code);
  if (parts === null) return `Unknown error (code ${String(code)})`;
  return `Unknown error (code ${code}: ${sourceName(parts.source)}, module ${parts.module}, error ${parts.error})`;
}

export function isKnownResultCode(code: number): boolean {
  return TEXTS.has(code);
}
