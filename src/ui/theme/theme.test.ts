import { afterEach, describe, expect, it } from 'vitest';
import { chooseTheme, resolveTheme, startTheme, THEME_STORAGE_KEY, type ThemeEnvironment } from './theme.ts';

function fakeSystem(dark: boolean) {
  const listeners = new Set<() => void>();
  return {
    matches: dark,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    /** The OS switched between light and dark. */
    flip(toDark: boolean) {
      this.matches = toDark;
      listeners.forEach((l) => l());
    },
    listeners,
  };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    values,
  };
}

let stop: (() => void) | null = null;
afterEach(() => stop?.());

function start(env: Partial<ThemeEnvironment>) {
  const root = { dataset: {} as Record<string, string | undefined>, style: { colorScheme: '' } };
  stop = startTheme({ storage: null, systemDark: null, root, ...env });
  return root;
}

describe('theme', () => {
  it('resolves "system" by the system, the others as they say', () => {
    expect([resolveTheme('system', true), resolveTheme('system', false), resolveTheme('light', true), resolveTheme('dark', false)]).toEqual(
      ['dark', 'light', 'light', 'dark'],
    );
  });

  it('follows the system while nothing is saved, and keeps following it', () => {
    const system = fakeSystem(true);
    const root = start({ systemDark: system });
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    system.flip(false);
    expect(root.dataset.theme).toBe('light');
  });

  it('applies the saved choice, ignores the system then, and stores a new choice', () => {
    const system = fakeSystem(true);
    const storage = memoryStorage({ [THEME_STORAGE_KEY]: 'light' });
    const root = start({ systemDark: system, storage });
    expect(root.dataset.theme).toBe('light');
    chooseTheme('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(storage.values.get(THEME_STORAGE_KEY)).toBe('dark');
    system.flip(false);
    expect(root.dataset.theme).toBe('dark');
    chooseTheme('system');
    expect(root.dataset.theme).toBe('light');
  });

  it('reads a saved value that is no choice as "system", and survives storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(start({ storage: memoryStorage({ [THEME_STORAGE_KEY]: 'purple' }), systemDark: fakeSystem(true) }).dataset.theme).toBe('dark');
    stop?.();
    const root = start({ storage: throwing, systemDark: fakeSystem(false) });
    expect(root.dataset.theme).toBe('light');
    chooseTheme('dark');
    expect(root.dataset.theme).toBe('dark');
  });

  it('stops following the system when stopped', () => {
    const system = fakeSystem(false);
    start({ systemDark: system });
    stop?.();
    stop = null;
    expect(system.listeners.size).toBe(0);
  });
});
