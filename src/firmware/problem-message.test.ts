import { describe, expect, it } from 'vitest';
import {
  FILE_NAME_MAX_LENGTH,
  fileNameProblem,
  fileSizeProblem,
  httpUrlProblem,
  md5Problem,
  VERSION_MAX_LENGTH,
  versionTextProblem,
} from '../protocol/validation';
import { englishText } from '../ui/i18n/message';
import { message } from './firmware-message';
import { checkManualFirmware, type ManualFirmwareValues } from './manual-firmware-validation';
import { problemMessage } from './problem-message';

const VALID: ManualFirmwareValues = {
  productVersion: '1.2.0.69',
  fileName: 'EvoNest-V1.2.0.69.uav',
  fileUrl: 'http://192.168.1.1:9000/public/EvoNest-V1.2.0.69.uav',
  fileSize: '603696942',
  md5: 'd1c9dacec124abd350379eb44b9143e5',
  model: '3-2-0',
};

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

describe('problemMessage', () => {
  // Every sentence src/protocol/validation.ts can say about a value the form or a catalog can hold.
  const sentences = [
    versionTextProblem(''),
    versionTextProblem('v'.repeat(VERSION_MAX_LENGTH + 1)),
    versionTextProblem('v1\u202e'),
    fileNameProblem(''),
    fileNameProblem('f'.repeat(FILE_NAME_MAX_LENGTH + 1)),
    fileNameProblem('a\u0000.bin'),
    fileNameProblem('dir/a.bin'),
    fileNameProblem('dir\\a.bin'),
    httpUrlProblem(''),
    httpUrlProblem(' http://x/a.bin'),
    httpUrlProblem('firmware/a.bin'),
    httpUrlProblem('ftp://host/a.bin'),
    httpUrlProblem('http://'),
    fileSizeProblem(1.5),
    fileSizeProblem(0),
    fileSizeProblem(2 ** 60),
    md5Problem('abc'),
    md5Problem('D1C9DACEC124ABD350379EB44B9143E5'),
    md5Problem('g1c9dacec124abd350379eb44b9143e5'),
  ].map((s) => capitalized(s ?? 'no problem?'));

  it.each(sentences)('knows %j and renders it back in English word for word', (sentence) => {
    const msg = problemMessage(sentence);
    expect(msg.key).not.toBe('problem.other');
    expect(englishText(msg)).toBe(sentence);
  });

  it('carries the values a translation needs', () => {
    expect(problemMessage('URL must use http or https, not ftp')).toEqual(message('problem.urlScheme', { scheme: 'ftp' }));
    expect(problemMessage('MD5 must be 32 hexadecimal characters, got 31')).toEqual(message('problem.md5Length', { length: '31' }));
    expect(problemMessage('Version contains an unprintable character (U+202E)')).toEqual(
      message('problem.versionUnprintable', { char: 'U+202E' }),
    );
  });

  it('shows a sentence it does not know as written rather than hiding it', () => {
    expect(problemMessage('Version is mauve')).toEqual(message('problem.other', { text: 'Version is mauve' }));
    expect(englishText(problemMessage('Version is mauve'))).toBe('Version is mauve');
  });
});

describe('checkManualFirmware', () => {
  it('describes each problem of the form with a key and its values', () => {
    const result = checkManualFirmware({ ...VALID, productVersion: '', fileSize: '1.5', md5: 'abc', model: '9-9-9' });
    expect(result).toEqual({
      ok: false,
      problems: {
        productVersion: message('problem.versionEmpty'),
        fileSize: message('problem.sizeDigits'),
        md5: message('problem.md5Length', { length: '3' }),
        model: message('problem.unknownModel', { model: '9-9-9' }),
      },
    });
  });
});

describe('englishText', () => {
  it('groups numbers the English way and leaves text as given', () => {
    expect(englishText(message('preflight.detail.sizeMismatch', { actual: 1234, expected: 603696942 }))).toBe(
      'The server has 1,234 bytes, the firmware entry says 603,696,942 bytes.',
    );
    expect(englishText(message('preflight.detail.http', { method: 'HEAD', status: '404' }))).toBe(
      'Could not verify: the server answered HEAD with HTTP 404.',
    );
  });
});
