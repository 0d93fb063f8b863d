/**
 * The colour theme: light, dark, or the system's (prefers-color-scheme), chosen in Settings and
 * remembered on this device. The resolved theme goes on <html data-theme>, where
 * dark-palette.css turns the operator screens' palette around, and into `color-scheme`, so the
 * browser's own controls and scroll bars match. One theme per page, like the language: the
 * bootstrap starts it and the Settings switch changes it.
 */
import { useSyncExternalStore } from 'react';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'ota-console:theme';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** What the theme reads and writes; each part may be missing (tests, storage blocked, no matchMedia). */
export interface ThemeEnvironment {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** `matchMedia('(prefers-color-scheme: dark)')`. */
  systemDark: {
    readonly matches: boolean;
    addEventListener(type: 'change', listener: () => void): void;
    removeEventListener(type: 'change', listener: () => void): void;
  } | null;
  /** `<html>`: what it needs of it. */
  root: { dataset: Record<string, string | undefined>; style: { colorScheme: string } } | null;
}

interface ThemeState {
  choice: ThemeChoice;
  theme: Theme;
}

let environment: ThemeEnvironment = { storage: null, systemDark: null, root: null };
let state: ThemeState = { choice: 'system', theme: 'light' };
const listeners = new Set<() => void>();

/** A saved value that is not a choice (an older build's, a hand edit) means "system". */
function savedChoice(storage: ThemeEnvironment['storage']): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY) ?? null;
    return isThemeChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice): void {
  const theme = resolveTheme(choice, environment.systemDark?.matches ?? false);
  const { root } = environment;
  if (root !== null) {
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  }
  if (state.choice === choice && state.theme === theme) return;
  state = { choice, theme };
  listeners.forEach((listener) => listener());
}

/**
 * Start-up: applies the saved choice (before the first render, so a dark page never flashes
 * light) and follows the system's changes while the choice is "system". Returns the stop.
 */
export function startTheme(env: ThemeEnvironment): () => void {
  environment = env;
  const onSystemChange = () => apply(state.choice);
  env.systemDark?.addEventListener('change', onSystemChange);
  apply(savedChoice(env.storage));
  return () => env.systemDark?.removeEventListener('change', onSystemChange);
}

/** The Settings switch: applies at once and is remembered on this device (for this page only when storage is blocked). */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    environment.storage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused (private mode, quota): the choice still holds until the page closes.
  }
  apply(choice);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentChoice = () => state.choice;

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, currentChoice, currentChoice);
}
