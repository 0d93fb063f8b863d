import { describe, expect, it } from 'vitest';
import { englishText, renderMessage } from '../ui/i18n/message.ts';
import { i18n } from '../ui/i18n/i18n.ts';
import { protocolLabelsFor } from '../ui/i18n/protocol-labels.ts';
import { TASK_STATE_LABELS } from '../tasks/state-look.ts';
import { TASK_STATES } from '../tasks/task-types.ts';
import { zhCN as tasksZh } from '../tasks/locales/zh-CN.ts';
import { zhCN as protocolZh } from '../ui/i18n/protocol/zh-CN.ts';
import { campaignTextsFor } from './campaign-texts.ts';
import { GATEWAY_ROW_LABELS } from './campaign-rows.ts';

describe('one word per state', () => {
  it('campaigns and their report word a task state exactly as the tasks do, in English', () => {
    const texts = campaignTextsFor(englishText, protocolLabelsFor(i18n, 'en'));
    for (const state of TASK_STATES) {
      expect(texts.rowState(state)).toBe(TASK_STATE_LABELS[state]);
      expect(GATEWAY_ROW_LABELS[state]).toBe(TASK_STATE_LABELS[state]);
    }
    expect(TASK_STATE_LABELS.ok).toBe('Successful Execution');
  });

  it('and in Chinese', () => {
    const texts = campaignTextsFor(
      (text) => (typeof text === 'string' ? text : renderMessage(text, 'zh-CN')),
      protocolLabelsFor(i18n, 'zh-CN'),
    );
    const tasksWords: Record<string, string> = tasksZh.state;
    const deviceWords: Record<string, string> = protocolZh.status;
    for (const state of TASK_STATES) expect(texts.rowState(state)).toBe(tasksWords[state] ?? deviceWords[state]);
  });
});
