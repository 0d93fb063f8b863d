// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

// Which folders of src each folder may import (besides itself). src/app is the composition root:
// it may import anything, and nothing imports it. Written out here so a wrong import fails
// `npm run lint` instead of waiting for a review (scripts/check-lint-rules.mjs proves it does).
const LOWER = ['protocol', 'lib', 'ui', 'broker'];
const MAY_IMPORT = {
  protocol: [],
  lib: [],
  broker: ['protocol', 'lib'],
  ui: ['protocol', 'lib'],
  fleet: LOWER,
  firmware: LOWER,
  tasks: LOWER,
  diagnostics: LOWER,
  campaigns: [...LOWER, 'tasks'],
  monitor: [...LOWER, 'tasks', 'campaigns'],
  kiosk: [...LOWER, 'tasks', 'campaigns'],
  upgrade: [...LOWER, 'campaigns', 'tasks', 'fleet', 'firmware'],
  // A gateway's own page and the Fleet route: the fleet joined with its tasks, campaigns and the catalog.
  dock: [...LOWER, 'fleet', 'firmware', 'tasks', 'campaigns'],
};

// A new folder in src needs a place above, or its imports would go unchecked.
const unplaced = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'app' && !(entry.name in MAY_IMPORT))
  .filter((entry) => readdirSync(new URL(`./src/${entry.name}`, import.meta.url)).length > 0)
  .map((entry) => entry.name);
if (unplaced.length > 0) throw new Error(`eslint.config.js: give src/${unplaced.join(', src/')} a place in MAY_IMPORT`);

const layerZones = Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
  target: `./src/${folder}`,
  from: './src',
  except: [folder, ...allowed].map((dir) => `./${dir}`),
  message:
    allowed.length > 0
      ? `src/${folder} may import only ${allowed.map((dir) => `src/${dir}`).join(', ')} (and itself).`
      : `src/${folder} imports no other folder of src.`,
}));

const uiAndTransport = ['react', 'react-dom', 'react-dom/*', 'mqtt', 'mqtt/*', 'zustand', 'zustand/*', '@tanstack/*'];
const onlyBrokerMqtt = { group: ['mqtt', 'mqtt/*'], message: 'Only src/broker may import mqtt.' };

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
    // Layers and cycles, on the resolved files (so `../x`, `./x.ts` and type imports all count).
    // no-cycle follows value imports only: an `import type` is erased at build time and cannot
    // make modules wait on each other at start-up.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.app.json', 'tsconfig.node.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            ...layerZones,
            { target: ['./e2e', './sim', './cli', './bench', './scripts'], from: './src/app', message: 'Nothing imports src/app.' },
          ],
        },
      ],
    },
  },
  {
    // Only src/broker talks MQTT.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/broker/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [onlyBrokerMqtt] }],
    },
  },
  {
    // protocol and lib are pure: no UI, transport or store library.
    files: ['src/protocol/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: uiAndTransport, message: 'src/protocol and src/lib are pure: no React, mqtt, zustand or react-query.' }] },
      ],
    },
  },
  {
    files: ['src/broker/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'react-dom/*'], message: 'src/broker has no React.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'e2e/**', 'sim/**', 'scripts/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
