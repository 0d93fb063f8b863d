import { describe, expect, it } from 'vitest';
import { validateManualFirmware, type ManualFirmwareValues } from './manual-firmware-validation';

const VALID: ManualFirmwareValues = {
  productVersion: '1.2.0.69',
  fileName: 'EvoNest-V1.2.0.69.uav',
  fileUrl: 'http://192.168.1.1:9000/public/EvoNest-V1.2.0.69.uav',
  fileSize: '603696942',
  md5: 'd1c9dacec124abd350379eb44b9143e5',
  model: '3-2-0',
};

function errorsFor(values: Partial<ManualFirmwareValues>) {
  const result = validateManualFirmware({ ...VALID, ...values });
  return result.ok ? {} : result.errors;
}

describe('validateManualFirmware', () => {
  it('accepts a valid entry, trimming text, lower-casing the MD5 and naming the product from the model', () => {
    expect(
      validateManualFirmware({ ...VALID, fileUrl: ` ${VALID.fileUrl} `, md5: ` ${VALID.md5.toUpperCase()}`, fileSize: ' 603696942 ' }),
    ).toEqual({
      ok: true,
      input: {
        model: '3-2-0',
        productName: 'DJI Dock 2',
        productVersion: '1.2.0.69',
        fileName: 'EvoNest-V1.2.0.69.uav',
        fileUrl: VALID.fileUrl,
        fileSize: 603696942,
        md5: 'd1c9dacec124abd350379eb44b9143e5',
      },
    });
  });

  it('treats no model as the gateway itself', () => {
    const result = validateManualFirmware({ ...VALID, model: '' });
    expect(result.ok && result.input).toMatchObject({ model: null, productName: 'Gateway' });
  });

  it('reports every empty field at once', () => {
    expect(validateManualFirmware({ productVersion: '', fileName: ' ', fileUrl: '', fileSize: '', md5: '', model: '' })).toEqual({
      ok: false,
      errors: {
        productVersion: 'Version is empty',
        fileName: 'File name is empty',
        fileUrl: 'URL is empty',
        fileSize: 'File size is empty',
        md5: 'MD5 is empty',
      },
    });
  });

  it.each([
    ['fileUrl', 'ftp://host/a.bin', 'URL must use http or https, not ftp'],
    ['fileUrl', 'firmware/a.bin', 'URL is not an absolute URL (it must start with http:// or https://)'],
    ['md5', 'd1c9dacec124abd350379eb44b9143e', 'MD5 must be 32 hexadecimal characters, got 31'],
    ['md5', 'g1c9dacec124abd350379eb44b9143e5', 'MD5 must contain only hexadecimal characters (0-9, a-f)'],
    ['fileSize', '0', 'File size must be greater than 0 bytes'],
    ['fileSize', '-5', 'File size must be a whole number of bytes (digits only)'],
    ['fileSize', '1.5', 'File size must be a whole number of bytes (digits only)'],
    ['fileSize', '1e6', 'File size must be a whole number of bytes (digits only)'],
    ['fileSize', '99999999999999999999', 'File size is too large'],
    ['fileName', 'dir/a.bin', "File name must not contain '/' or '\\'"],
    ['productVersion', 'v1\u202e', 'Version contains an unprintable character (U+202E)'],
    ['model', '9-9-9', 'Unknown model 9-9-9'],
  ] as const)('rejects %s = %j: %s', (field, value, message) => {
    const errors = errorsFor({ [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toContain(message);
  });
});
