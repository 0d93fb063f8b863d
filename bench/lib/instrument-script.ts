import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = fileURLToPath(new URL('../page/instrument.ts', import.meta.url));

/** bench/page/instrument.ts as a classic script for addInitScript, with the probe prefix filled in. */
export function instrumentScript(probePrefix: string): string {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleDetection: ts.ModuleDetectionKind.Legacy },
  });
  return outputText.replace(/^export \{\};?$/m, '').replace("'__PROBE_PREFIX__'", JSON.stringify(probePrefix));
}
