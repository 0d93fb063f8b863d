import { KNOWN_MODEL_KEYS, productName } from '../protocol/models';
import { fileNameProblem, fileSizeProblem, httpUrlProblem, md5Problem, normalizeMd5, versionTextProblem } from '../protocol/validation';

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
export type ManualFirmwareErrors = Partial<Record<ManualFirmwareField, string>>;

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

export const EMPTY_MANUAL_FIRMWARE: ManualFirmwareValues = { productVersion: '', fileName: '', fileUrl: '', fileSize: '', md5: '', model: '' };

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sizeFromText(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return 'File size is empty';
  if (!/^\d+$/.test(trimmed)) return 'File size must be a whole number of bytes (digits only)';
  const problem = fileSizeProblem(Number(trimmed));
  return problem === null ? Number(trimmed) : capitalized(problem);
}

/**
 * Same rules as the ota_create builder (src/protocol/validation.ts), so an entry saved here can
 * always be sent. Surrounding spaces are forgiven and an uppercase MD5 is accepted as pasted.
 */
export function validateManualFirmware(values: ManualFirmwareValues): { ok: true; input: ManualFirmwareInput } | { ok: false; errors: ManualFirmwareErrors } {
  const errors: ManualFirmwareErrors = {};
  const version = values.productVersion.trim();
  const fileName = values.fileName.trim();
  const fileUrl = values.fileUrl.trim();
  const versionProblem = versionTextProblem(version);
  if (versionProblem) errors.productVersion = capitalized(versionProblem);
  const nameProblem = fileNameProblem(fileName);
  if (nameProblem) errors.fileName = capitalized(nameProblem);
  const urlProblem = httpUrlProblem(fileUrl);
  if (urlProblem) errors.fileUrl = urlProblem;
  const size = sizeFromText(values.fileSize);
  if (typeof size === 'string') errors.fileSize = size;
  const md5 = normalizeMd5(values.md5);
  if (md5 === null) errors.md5 = values.md5.trim() === '' ? 'MD5 is empty' : (md5Problem(values.md5.trim()) ?? 'MD5 is not valid');
  const model = values.model.trim();
  if (model !== '' && !KNOWN_MODEL_KEYS.includes(model)) errors.model = `Unknown model ${model}`;

  if (Object.keys(errors).length > 0 || typeof size === 'string' || md5 === null) return { ok: false, errors };
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
