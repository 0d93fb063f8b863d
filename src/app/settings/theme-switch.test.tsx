import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { startTheme, THEME_STORAGE_KEY } from '../../ui/theme/theme';
import { ThemeSwitch } from './theme-switch';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('ThemeSwitch', () => {
  it('shows the saved choice, and a new choice applies at once and is saved', async () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    stop = startTheme({ storage: localStorage, systemDark: null, root: document.documentElement });
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    const select = screen.getByRole('combobox', { name: 'Theme' });
    expect(select).toHaveValue('light');
    expect(select).toHaveAccessibleDescription('Saved on this device. “As the system” follows the light or dark setting of this computer.');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['As the system', 'Light', 'Dark']);

    await user.selectOptions(select, 'Dark');
    expect(select).toHaveValue('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });
});
