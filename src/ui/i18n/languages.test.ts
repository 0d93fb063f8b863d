import { describe, expect, it } from 'vitest';
import { chooseLanguage, normalizeLanguage } from './languages.ts';

describe('normalizeLanguage', () => {
  it('maps simplified Chinese tags to zh-CN and English variants to en', () => {
    for (const tag of ['zh-CN', 'zh', 'zh-Hans', 'zh-hans-CN', 'zh_CN', 'ZH-cn', 'zh-SG']) expect(normalizeLanguage(tag)).toBe('zh-CN');
    for (const tag of ['en', 'en-US', 'en-GB']) expect(normalizeLanguage(tag)).toBe('en');
  });

  it('refuses languages it does not ship, traditional Chinese included', () => {
    for (const tag of ['fr', 'de-DE', 'zh-TW', 'zh-Hant', 'zh-HK', '', 'klingon']) expect(normalizeLanguage(tag)).toBeNull();
  });
});

describe('chooseLanguage', () => {
  it('takes ?lang= first', () => {
    expect(chooseLanguage({ search: '?lang=zh-Hans', saved: 'en', browser: ['en-US'] })).toEqual({
      language: 'zh-CN',
      from: 'url',
      rejectedUrlValue: null,
    });
    expect(chooseLanguage({ search: '?kiosk&lang=en', saved: 'zh-CN', browser: ['zh'] }).language).toBe('en');
  });

  it('notes an unknown ?lang= and falls back to the saved choice, then the browser, then English', () => {
    expect(chooseLanguage({ search: '?lang=fr', saved: 'zh-CN', browser: ['en'] })).toEqual({
      language: 'zh-CN',
      from: 'saved',
      rejectedUrlValue: 'fr',
    });
    expect(chooseLanguage({ search: '?lang=fr', saved: null, browser: ['de', 'zh-CN'] })).toEqual({
      language: 'zh-CN',
      from: 'browser',
      rejectedUrlValue: 'fr',
    });
    expect(chooseLanguage({ search: '?lang=fr', saved: null, browser: ['de'] })).toEqual({
      language: 'en',
      from: 'default',
      rejectedUrlValue: 'fr',
    });
  });

  it('ignores a saved value that is not a shipped language', () => {
    expect(chooseLanguage({ search: '', saved: 'xx', browser: ['zh'] })).toEqual({
      language: 'zh-CN',
      from: 'browser',
      rejectedUrlValue: null,
    });
    expect(chooseLanguage({ search: '', saved: null, browser: [] })).toEqual({ language: 'en', from: 'default', rejectedUrlValue: null });
  });
});
