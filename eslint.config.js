// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layering of DESIGN.md: ui, protocol <- broker <- features <- app. Enforced here so a wrong
// import fails `npm test` instead of waiting for a review.
const FEATURES = ['fleet', 'firmware', 'tasks', 'campaigns', 'monitor', 'upgrade', 'kiosk', 'diagnostics'];
const uiAndTransport = ['react', 'react-dom', 'react-dom/*', 'mqtt', 'mqtt/*', 'zustand', 'zustand/*', '@tanstack/*'];
const relativeInto = (dirs) => dirs.flatMap((d) => [`../${d}`, `../${d}/*`, `../../${d}`, `../../${d}/*`, `@/${d}/*`]);

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage', 'bench/results'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: device data is untrusted.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // Only src/broker talks MQTT.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/broker/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['mqtt', 'mqtt/*'], message: 'Only src/broker may import mqtt.' }] }],
    },
  },
  {
    // protocol is pure: no UI, transport, store, or other layer.
    files: ['src/protocol/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiAndTransport, message: 'src/protocol is pure: no React, mqtt, zustand or react-query.' },
            { group: relativeInto(['broker', 'ui', 'app', ...FEATURES]), message: 'src/protocol imports nothing from other layers.' },
          ],
        },
      ],
    },
  },
  {
    // ui is presentational: no transport, no feature or app code.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['mqtt', 'mqtt/*'], message: 'Only src/broker may import mqtt.' },
            { group: relativeInto(['broker', 'app', ...FEATURES]), message: 'src/ui is shared presentation: it imports no feature, broker or app code.' },
          ],
        },
      ],
    },
  },
  {
    // broker: no React, no features, no app.
    files: ['src/broker/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*'], message: 'src/broker has no React.' },
            { group: relativeInto(['app', 'ui', ...FEATURES]), message: 'src/broker imports only protocol.' },
          ],
        },
      ],
    },
  },
  ...FEATURES.map((feature) => ({
    // features never import app, and never another feature's internals except through selectors
    // they export (kiosk reads tasks/campaigns selectors, upgrade reads fleet/firmware).
    files: [`src/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['mqtt', 'mqtt/*'], message: 'Only src/broker may import mqtt.' },
            { group: relativeInto(['app']), message: 'Features never import from src/app.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/**/*.test.{ts,tsx}', 'e2e/**', 'sim/**', 'scripts/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
