import { KNOWN_MODEL_KEYS, productName } from '../protocol/models';
import { fileNameProblem, fileSizeProblem, httpUrlProblem, md5Problem, normalizeMd5, versionTextProblem } from '../protocol/validation';
import { englishText } from '../ui/i18n/message';
import { message, type FirmwareMessage } from './firmware-message';
import { problemMessage } from './problem-message';

/** The manual entry form as typed: every field is text. `model` '' means the gateway itself. */
export interface ManualFirmwareValues {
  productVersion: string;
  fileName: string;
  fileUrl: string;
  fileSize: string;
  md5: string;
  model: string;
}

export type ManualFirmwareField = keyof ManualFirmwareValues;
/** What is wrong with each field, in English. */
export type ManualFirmwareErrors = Partial<Record<ManualFirmwareField, string>>;
/** What is wrong with each field, worded at render (useMessageText). */
export type ManualFirmwareProblems = Partial<Record<ManualFirmwareField, FirmwareMessage>>;

/** What a valid form becomes; the store adds the id. */
export interface ManualFirmwareInput {
  model: string | null;
  productName: string;
  productVersion: string;
  fileName: string;
  fileUrl: string;
  fileSize: number;
  md5: string;
}

export const EMPTY_MANUAL_FIRMWARE: ManualFirmwareValues = {
  productVersion: '',
  fileName: '',
  fileUrl: '',
  fileSize: '',
  md5: '',
  model: '',
};

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sizeFromText(text: string): number | FirmwareMessage {
  const trimmed = text.trim();
  if (trimmed === '') return message('problem.sizeEmpty');
  if (!/^\d+$/.test(trimmed)) return message('problem.sizeDigits');
  const problem = fileSizeProblem(Number(trimmed));
  return problem === null ? Number(trimmed) : problemMessage(capitalized(problem));
}

/**
 * Same rules as the ota_create builder (src/protocol/validation.ts), so an entry saved here can
 * always be sent. Surrounding spaces are forgiven and an uppercase MD5 is accepted as pasted.
 */
export function checkManualFirmware(
  values: ManualFirmwareValues,
): { ok: true; input: ManualFirmwareInput } | { ok: false; problems: ManualFirmwareProblems } {
  const errors: ManualFirmwareProblems = {};
  const version = values.productVersion.trim();
  const fileName = values.fileName.trim();
  const fileUrl = values.fileUrl.trim();
  const versionProblem = versionTextProblem(version);
  if (versionProblem) errors.productVersion = problemMessage(capitalized(versionProblem));
  const nameProblem = fileNameProblem(fileName);
  if (nameProblem) errors.fileName = problemMessage(capitalized(nameProblem));
  const urlProblem = httpUrlProblem(fileUrl);
  if (urlProblem) errors.fileUrl = problemMessage(urlProblem);
  const size = sizeFromText(values.fileSize);
  if (typeof size !== 'number') errors.fileSize = size;
  const md5 = normalizeMd5(values.md5);
  if (md5 === null) {
    const problem = values.md5.trim() === '' ? null : md5Problem(values.md5.trim());
    errors.md5 =
      values.md5.trim() === '' ? message('problem.md5Empty') : problem === null ? message('problem.md5Invalid') : problemMessage(problem);
  }
  const model = values.model.trim();
  if (model !== '' && !KNOWN_MODEL_KEYS.includes(model)) errors.model = message('problem.unknownModel', { model });

  if (Object.keys(errors).length > 0 || typeof size !== 'number' || md5 === null) return { ok: false, problems: errors };
  return {
    ok: true,
    input: {
      model: model === '' ? null : model,
      productName: model === '' ? 'Gateway' : (productName(model) ?? model),
      productVersion: version,
      fileName,
      fileUrl,
      fileSize: size,
      md5,
    },
  };
}

/** checkManualFirmware with the problems as English sentences: for logs and node tests. */
export function validateManualFirmware(
  values: ManualFirmwareValues,
): { ok: true; input: ManualFirmwareInput } | { ok: false; errors: ManualFirmwareErrors } {
  const result = checkManualFirmware(values);
  if (result.ok) return result;
  const errors: ManualFirmwareErrors = {};
  for (const [field, problem] of Object.entries(result.problems) as [ManualFirmwareField, FirmwareMessage][])
    errors[field] = englishText(problem);
  return { ok: false, errors };
}
