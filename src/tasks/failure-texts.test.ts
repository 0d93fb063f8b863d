import { describe, expect, it } from 'vitest';
import { englishText, renderMessage } from '../ui/i18n/message.ts';
import { i18n } from '../ui/i18n/i18n.ts';
import { protocolLabelsFor } from '../ui/i18n/protocol-labels.ts';
import { NEXT_STEP_TEXTS, type NextStep } from '../protocol/next-steps.ts';
import { failureTextsFor } from './failure-texts.ts';
import { zhCN } from './locales/zh-CN.ts';

const english = failureTextsFor(englishText, protocolLabelsFor(i18n, 'en'));
const chinese = failureTextsFor(
  (text) => (typeof text === 'string' ? text : renderMessage(text, 'zh-CN')),
  protocolLabelsFor(i18n, 'zh-CN'),
);

describe('failure texts', () => {
  it('say why in English: the code line, the sub-status, the end', () => {
    expect(english.reason({ kind: 'code', code: 312015 })).toBe('312015: The dock is busy (for example a flight is in progress)');
    expect(english.reason({ kind: 'sub-status', value: 'DOWNLOAD_FAILED' })).toBe('Download failed');
    expect(english.reason({ kind: 'step-result', code: 1 })).toBe('Step failed (step_result 1)');
    expect(english.reason({ kind: 'status', status: 'timeout' })).toBe('The device gave up (timeout)');
    expect(english.reason({ kind: 'no-reply' })).toBe('The dock did not answer the command');
    expect(english.reason({ kind: 'mismatch', reported: '1.0', target: '2.0' })).toBe('Reports 1.0 instead of 2.0');
    expect(english.reason({ kind: 'mismatch', reported: null, target: null })).toBe('Reports no version instead of the target');
  });

  it('say what to do next in English as the protocol table writes it', () => {
    for (const [step, text] of Object.entries(NEXT_STEP_TEXTS)) expect(english.nextStep(step as NextStep)).toBe(text);
    expect(english.line({ reason: { kind: 'code', code: 312027 }, nextStep: 'placeAircraft' })).toBe(
      '312027: There is no aircraft in the dock. Put the aircraft in the dock, then retry.',
    );
  });

  it('say both in Chinese, with a translation for every next step', () => {
    expect(Object.keys(zhCN.nextStep).sort()).toEqual(Object.keys(NEXT_STEP_TEXTS).sort());
    for (const step of Object.keys(NEXT_STEP_TEXTS) as NextStep[]) {
      expect(chinese.nextStep(step)).not.toBe(NEXT_STEP_TEXTS[step]);
      expect(chinese.nextStep(step)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(chinese.reason({ kind: 'code', code: 312027 })).toBe('312027：机场内没有飞行器');
    expect(chinese.reason({ kind: 'sub-status', value: 'DOWNLOAD_FAILED' })).toBe('下载失败');
    expect(chinese.reason({ kind: 'no-reply' })).toBe('机场未应答该指令');
  });
});
