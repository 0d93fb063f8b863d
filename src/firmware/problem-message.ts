import { message, type FirmwareKey, type FirmwareMessage } from './firmware-message';

/**
 * The field rules live in src/protocol/validation.ts, which stays English and returns sentences.
 * The manual form shows those rules' verdicts in the operator's language, so each sentence the
 * validators can produce is matched back to a key here (after the form capitalised it). A sentence
 * not in this table is shown as written: never hidden. problem-message.test.ts feeds the real
 * validators every failing input the form can produce and requires a match, so wording drift in
 * src/protocol fails a test instead of silently showing English.
 */
const PATTERNS: readonly { pattern: RegExp; key: FirmwareKey; names?: readonly string[] }[] = [
  { pattern: /^Version is empty$/, key: 'problem.versionEmpty' },
  { pattern: /^Version is (\d+) characters long; at most (\d+) are allowed$/, key: 'problem.versionTooLong', names: ['length', 'max'] },
  { pattern: /^Version contains an unprintable character \((.+)\)$/, key: 'problem.versionUnprintable', names: ['char'] },
  { pattern: /^File name is empty$/, key: 'problem.fileNameEmpty' },
  { pattern: /^File name is (\d+) characters long; at most (\d+) are allowed$/, key: 'problem.fileNameTooLong', names: ['length', 'max'] },
  { pattern: /^File name contains an unprintable character \((.+)\)$/, key: 'problem.fileNameUnprintable', names: ['char'] },
  { pattern: /^File name must not contain '\/' or '\\'$/, key: 'problem.fileNameSlash' },
  { pattern: /^URL is empty$/, key: 'problem.urlEmpty' },
  { pattern: /^URL must not start or end with spaces$/, key: 'problem.urlSpaces' },
  { pattern: /^URL is not an absolute URL \(it must start with http:\/\/ or https:\/\/\)$/, key: 'problem.urlNotAbsolute' },
  { pattern: /^URL must use http or https, not (.+)$/, key: 'problem.urlScheme', names: ['scheme'] },
  { pattern: /^URL has no host$/, key: 'problem.urlNoHost' },
  { pattern: /^File size must be a whole number of bytes$/, key: 'problem.sizeWhole' },
  { pattern: /^File size must be greater than 0 bytes$/, key: 'problem.sizeZero' },
  { pattern: /^File size is too large$/, key: 'problem.sizeTooLarge' },
  { pattern: /^MD5 must be 32 hexadecimal characters, got (\d+)$/, key: 'problem.md5Length', names: ['length'] },
  { pattern: /^MD5 must be lowercase hexadecimal$/, key: 'problem.md5Lowercase' },
  { pattern: /^MD5 must contain only hexadecimal characters \(0-9, a-f\)$/, key: 'problem.md5Hex' },
];

/** A field-rule sentence of src/protocol/validation.ts (capitalised) as a message. */
export function problemMessage(sentence: string): FirmwareMessage {
  for (const { pattern, key, names = [] } of PATTERNS) {
    const match = pattern.exec(sentence);
    if (match === null) continue;
    // Kept as written (a count like 1000 stays ungrouped, exactly as the validator said it).
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      values[name] = match[i + 1] ?? '';
    });
    return message(key, names.length > 0 ? values : undefined);
  }
  return message('problem.other', { text: sentence });
}
