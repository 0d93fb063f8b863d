import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishText, listOf, messagesOf, renderMessage } from './message.ts';

const en = {
  added: 'Added gateway {{sn}}',
  skipped_one: '{{count}} duplicate skipped',
  skipped_other: '{{count}} duplicates skipped',
  line: 'Line {{position}}: {{reason}}',
  size: 'The server has {{actual}} bytes',
  conflict: '{{sn}} matches {{files}}',
  context: 'Kept {{context}} and {{ns}}',
  englishOnly: 'Only in English',
};
const zh = {
  added: '已添加网关 {{sn}}',
  skipped_other: '跳过 {{count}} 个重复项',
  line: '第 {{position}} 行：{{reason}}',
  size: '服务器上的文件为 {{actual}} 字节',
  conflict: '{{sn}} 匹配 {{files}}',
};

const message = messagesOf<'common', typeof en>('common');
const instance = i18next.createInstance();

beforeAll(async () => {
  await instance.init({ lng: 'en', fallbackLng: 'en', ns: ['common'], resources: { en: { common: en }, 'zh-CN': { common: zh } } });
});

describe('renderMessage', () => {
  it('chooses the plural form by count in each language', () => {
    expect(renderMessage(message('skipped', { count: 1 }), 'en', instance)).toBe('1 duplicate skipped');
    expect(renderMessage(message('skipped', { count: 2 }), 'en', instance)).toBe('2 duplicates skipped');
    expect(renderMessage(message('skipped', { count: 2 }), 'zh-CN', instance)).toBe('跳过 2 个重复项');
  });

  it('words nested messages and lists first, in the same language', () => {
    const nested = message('line', { position: 4, reason: message('added', { sn: 'DOCK1' }) });
    expect(renderMessage(nested, 'en', instance)).toBe('Line 4: Added gateway DOCK1');
    expect(renderMessage(nested, 'zh-CN', instance)).toBe('第 4 行：已添加网关 DOCK1');
    const conflict = message('conflict', { sn: 'D', files: listOf(['a.bin', 'b.bin'], 'and') });
    expect(renderMessage(conflict, 'en', instance)).toBe('D matches a.bin and b.bin');
    expect(renderMessage(conflict, 'zh-CN', instance)).toBe('D 匹配 a.bin和b.bin');
  });

  it('groups numbers, leaves text as given and never escapes it', () => {
    expect(renderMessage(message('size', { actual: 603_696_942 }), 'en', instance)).toBe('The server has 603,696,942 bytes');
    expect(renderMessage(message('size', { actual: '1000' }), 'zh-CN', instance)).toBe('服务器上的文件为 1000 字节');
    expect(renderMessage(message('added', { sn: '<b>&amp;</b>' }), 'en', instance)).toBe('Added gateway <b>&amp;</b>');
  });

  it('takes values named like i18next options as values', () => {
    expect(renderMessage(message('context', { context: 'male', ns: 'fleet' }), 'en', instance)).toBe('Kept male and fleet');
  });

  it('falls back to English for a key the language lacks', () => {
    expect(renderMessage(message('englishOnly'), 'zh-CN', instance)).toBe('Only in English');
  });
});

describe('englishText', () => {
  it('words a message in English from the app instance, whatever language is active', () => {
    const common = messagesOf<'common', { copied: string }>('common');
    expect(englishText(common('copied'))).toBe('Copied');
  });
});
