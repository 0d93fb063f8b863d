import { act, render, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { activeLanguage } from '../ui/i18n/active-language.ts';
import { applyInitialLanguage, i18n, initI18n, setLanguage } from '../ui/i18n/i18n.ts';
import { LANGUAGE_STORAGE_KEY } from '../ui/i18n/languages.ts';
import { enResources } from './i18n-resources.en.ts';

function Probe() {
  const { t } = useTranslation('app');
  return <p>{t('connection.connected')}</p>;
}

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

let loads = 0;
function setUp(storage: Storage) {
  initI18n({
    en: enResources,
    loaders: {
      'zh-CN': () => {
        loads += 1;
        return import('./i18n-resources.zh-CN.ts').then((m) => m.zhCNResources);
      },
    },
    storage,
  });
}

afterEach(async () => {
  await setLanguage('en', { persist: false });
});

describe('i18n instance', () => {
  it('switches mounted components, <html lang> and the formatters, and saves the choice', async () => {
    const storage = memoryStorage();
    setUp(storage);
    render(<Probe />);
    expect(screen.getByText('Connected')).toBeInTheDocument();
    await act(() => setLanguage('zh-CN'));
    expect(screen.getByText('已连接')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(activeLanguage()).toBe('zh-CN');
    expect(storage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    await act(() => setLanguage('en'));
    expect(screen.getByText('Connected')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(storage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('loads the Chinese strings once, only when asked', async () => {
    i18n.removeResourceBundle('zh-CN', 'app');
    const before = loads;
    setUp(memoryStorage());
    await setLanguage('zh-CN', { persist: false });
    await setLanguage('en', { persist: false });
    await setLanguage('zh-CN', { persist: false });
    expect(loads - before).toBe(1);
  });

  it('starts from the saved choice when the URL names an unknown language, and reports it', async () => {
    const storage = memoryStorage();
    storage.setItem(LANGUAGE_STORAGE_KEY, 'zh-CN');
    setUp(storage);
    const choice = await applyInitialLanguage({ search: '?lang=fr', browser: ['en-US'] });
    expect(choice).toEqual({ language: 'zh-CN', from: 'saved', rejectedUrlValue: 'fr' });
    expect(i18n.language).toBe('zh-CN');
  });

  it('stays in English when the Chinese chunk cannot load', async () => {
    initI18n({ en: enResources, loaders: { 'zh-CN': () => Promise.reject(new Error('chunk gone')) }, storage: null });
    i18n.removeResourceBundle('zh-CN', 'app');
    await expect(setLanguage('zh-CN')).rejects.toThrow('chunk gone');
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
