import { describe, expect, it } from 'vitest';
import { englishTemplate, englishText, message, renderMessage } from './fleet-message.ts';
import { zhCN } from './locales/zh-CN.ts';

const zhTemplate = (path: string) => {
  let node: unknown = zhCN;
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};

describe('fleet messages', () => {
  it('render English with the plural form the count asks for and nested messages translated first', () => {
    expect(englishText(message('report.skipped', { count: 1, n: 1 }))).toBe('; 1 duplicate skipped');
    expect(englishText(message('report.skipped', { count: 2, n: 2 }))).toBe('; 2 duplicates skipped');
    const nested = message('problem.line', { position: 4, reason: message('add.alreadyKnown', { sn: 'DOCK1' }) });
    expect(englishText(nested)).toBe('Line 4: Gateway DOCK1 is already in the fleet');
    expect(renderMessage(nested, zhTemplate, 'zh-CN')).toBe('第 4 行：网关 DOCK1 已在设备列表中');
  });

  it('falls back to English for a key the language lacks, and leaves an unknown value visible', () => {
    expect(renderMessage(message('sn.empty'), () => undefined, 'zh-CN')).toBe('SN is empty');
    expect(englishText(message('add.added'))).toBe('Added gateway {{sn}}');
    expect(englishTemplate('screen.nope')).toBeUndefined();
  });
});
