import { describe, expect, it } from 'vitest';
import { zhCN } from './locales/zh-CN.ts';
import { parseCanary } from './campaign-options.ts';
import { skipReasonMessage } from './skip-reasons.ts';
import { englishText, listOf, message, renderMessage, type Translate } from './upgrade-message.ts';

/** A translator over the Chinese resource, as i18next would use it (zh has only the _other form). */
const chinese: Translate = (key, values) => {
  const path = key.split('.');
  const last = path.pop() ?? '';
  let parent: unknown = zhCN;
  for (const part of path) parent = (parent as Record<string, unknown>)[part];
  const entries = parent as Record<string, unknown>;
  const template = entries[last] ?? entries[`${last}_other`];
  if (typeof template !== 'string') throw new Error(`no Chinese text for ${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

describe('upgrade messages', () => {
  it('English: plural by count, lists joined, nested messages translated first', () => {
    expect(parseCanary('1', 1)).toEqual({ ok: false, error: 'Canary gateways must be fewer than the 1 gateway to upgrade' });
    expect(englishText(message('start.blocked.options', { error: message('options.error.canaryMin') }))).toBe(
      'Fix the campaign options: Canary gateways must be at least 1, or empty.',
    );
    expect(englishText(skipReasonMessage({ kind: 'conflict', sn: 'DOCK1', files: ['a.bin', 'b.bin'] }))).toBe(
      'DOCK1 matches two chosen firmware (a.bin and b.bin); choose None in one group',
    );
    expect(englishText(skipReasonMessage({ kind: 'no-matching-device', models: ['3-2-0'], deviceModels: [] }))).toBe(
      'No matching device: the chosen firmware is for DJI Dock 2; this gateway has no device with a known model yet',
    );
  });

  it('another language gets the same message with its own separators', () => {
    const reason = skipReasonMessage({ kind: 'already-on-target', devices: [{ sn: 'DOCK1', version: '1.0' }, { sn: 'AC1', version: '2.0' }] });
    expect(renderMessage(reason, chinese)).toBe('已是目标版本（DOCK1 1.0、AC1 2.0）');
    expect(renderMessage(message('options.error.canaryFewer', { count: 3 }), chinese)).toBe('灰度网关数必须少于待升级的 3 个网关');
    expect(renderMessage(message('skip.conflict', { sn: 'D', files: listOf(['a', 'b'], 'and') }), chinese)).toBe('D 同时匹配两个所选固件（a 和 b）；请在其中一组选择“不升级”');
  });
});
