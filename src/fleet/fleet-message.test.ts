import { describe, expect, it } from 'vitest';
import { englishText, renderMessage } from '../ui/i18n/message.ts';
import { message } from './fleet-message.ts';

describe('fleet messages', () => {
  it('render English with the plural form the count asks for and nested messages translated first', () => {
    expect(englishText(message('report.skipped', { count: 1, n: 1 }))).toBe('; 1 duplicate skipped');
    expect(englishText(message('report.skipped', { count: 2, n: 2 }))).toBe('; 2 duplicates skipped');
    const nested = message('problem.line', { position: 4, reason: message('add.alreadyKnown', { sn: 'DOCK1' }) });
    expect(englishText(nested)).toBe('Line 4: Gateway DOCK1 is already in the fleet');
    expect(renderMessage(nested, 'zh-CN')).toBe('第 4 行：网关 DOCK1 已在设备列表中');
  });

  it('leaves an unknown value visible', () => {
    expect(englishText(message('add.added'))).toBe('Added gateway {{sn}}');
  });
});
