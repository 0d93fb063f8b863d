import { describe, expect, it } from 'vitest';
import { englishText, listOf, renderMessage } from '../ui/i18n/message.ts';
import { parseCanary } from './campaign-options.ts';
import { skipReasonMessage } from './skip-reasons.ts';
import { message } from './upgrade-message.ts';

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
    const reason = skipReasonMessage({
      kind: 'already-on-target',
      devices: [
        { sn: 'DOCK1', version: '1.0' },
        { sn: 'AC1', version: '2.0' },
      ],
    });
    expect(renderMessage(reason, 'zh-CN')).toBe('已是目标版本（DOCK1 1.0、AC1 2.0）');
    expect(renderMessage(message('options.error.canaryFewer', { count: 3 }), 'zh-CN')).toBe('灰度网关数必须少于待升级的 3 个网关');
    // Intl.ListFormat's Chinese "and" list: 和 with no spaces around it.
    expect(renderMessage(message('skip.conflict', { sn: 'D', files: listOf(['a', 'b'], 'and') }), 'zh-CN')).toBe(
      'D 同时匹配两个所选固件（a和b）；请在其中一组选择“不升级”',
    );
  });
});
