/**
 * The runner's plan file: the same choices an operator makes in the Upgrade wizard (firmware, one
 * per model; the gateways; the campaign options), in JSON. Firmware entries use the catalog's
 * format and field rules (src/firmware/catalog-entry-schema.ts), so a plan accepts exactly what
 * the console would offer. Which devices of each gateway get which file is resolved against the
 * fleet as the broker reports it (plan-resolve.ts), like the wizard does.
 *
 * Every problem is reported with where it is: the JSON path of the field (`firmware[1].file_url`),
 * or the line and column of a syntax error.
 */
import parseJson, { JSONError } from 'parse-json';
import { z } from 'zod';
import { catalogEntrySchema } from '../src/firmware/catalog-entry-schema.ts';
import type { Firmware } from '../src/firmware/firmware.ts';
import { parseCatalog } from '../src/firmware/parse-catalog.ts';
import { snProblem } from '../src/protocol/sn.ts';

/** What a plan resolves to before the fleet is known. */
export interface PlanFile {
  name: string | null;
  /** As the console's catalog gives them (src/firmware/parse-catalog.ts), one per model. */
  firmware: Firmware[];
  gateways: string[];
  maxParallel: number | null;
  pauseAfterFailures: { count: number } | { percent: number } | null;
  canarySize: number | null;
}

export interface PlanProblem {
  /** `firmware[0].file_url`, `gateways[2]`, `line 4, column 7`, or '' for the document. */
  where: string;
  message: string;
}

export type PlanRead = { ok: true; plan: PlanFile } | { ok: false; problems: PlanProblem[] };

const positiveWhole = (what: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? 'is missing' : `must be a whole number of at least 1, or null for ${what}`) })
    .int({ error: `must be a whole number of at least 1, or null for ${what}` })
    .min(1, { error: `must be a whole number of at least 1, or null for ${what}` });

const sn = z.string({ error: 'must be a gateway SN (text)' }).superRefine((value, ctx) => {
  const problem = snProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `is not a valid SN: ${problem}` });
});

const pauseRule = z.union(
  [
    z.strictObject({ count: positiveWhole('never') }),
    z.strictObject({ percent: z.number({ error: 'must be a number' }).gt(0, 'must be more than 0').max(100, 'must be at most 100') }),
  ],
  { error: 'must be {"count": N}, {"percent": P} or null' },
);

function planSchema(base: string) {
  return z
    .strictObject(
      {
        name: z.string({ error: 'must be text' }).trim().min(1, 'is empty').max(200, 'is longer than 200 characters').nullish(),
        firmware: z
          .array(catalogEntrySchema(base), { error: 'must be a list of firmware entries' })
          .min(1, 'must list at least one firmware'),
        gateways: z.array(sn, { error: 'must be a list of gateway SNs' }).min(1, 'must list at least one gateway'),
        maxParallel: positiveWhole('no limit').nullish(),
        pauseAfterFailures: pauseRule.nullish(),
        canarySize: positiveWhole('no canary').nullish(),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'must be a JSON object') },
    )
    .superRefine((plan, ctx) => {
      const byModel = new Map<string, number>();
      plan.firmware.forEach((f, i) => {
        const model = f.model ?? '(the gateway itself)';
        const first = byModel.get(model);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['firmware', i, 'model'],
            message: `${model} is already targeted by firmware[${first}]: choose one firmware per model`,
          });
        } else byModel.set(model, i);
      });
      const seen = new Map<string, number>();
      plan.gateways.forEach((g, i) => {
        const first = seen.get(g);
        if (first !== undefined)
          ctx.addIssue({ code: 'custom', path: ['gateways', i], message: `${g} is listed twice (also gateways[${first}])` });
        else seen.set(g, i);
      });
      if (plan.canarySize != null && plan.canarySize >= plan.gateways.length) {
        ctx.addIssue({ code: 'custom', path: ['canarySize'], message: `must be fewer than the ${plan.gateways.length} gateways, or null` });
      }
    });
}

/** `firmware[1].file_url` from a zod path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  return out;
}

/** 1-based line and column of a 0-based character index. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function syntaxProblem(text: string, error: unknown): PlanProblem {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
  // V8 says "... in JSON at position 22" (Node 22 adds "(line 3 column 3)"); an empty file has no position.
  const at = /at position (\d+)/.exec(reason);
  const where =
    at === null
      ? text.trim() === ''
        ? 'line 1, column 1'
        : ''
      : (({ line, column }) => `line ${line}, column ${column}`)(lineColumn(text, Number(at[1])));
  const frame = error instanceof JSONError && error.rawCodeFrame !== undefined ? `\n${error.rawCodeFrame}` : '';
  const short = reason.replace(/ in JSON at position .*$/, '').replace(/^Unexpected end of JSON input$/, 'the file ends too early');
  return { where, message: `not valid JSON: ${text.trim() === '' ? 'the file is empty' : short}${frame}` };
}

/**
 * Reads a plan from its text. `base` is the URL relative file_urls would resolve against: the
 * plan's own file:// URL, so a relative file_url is refused as not http(s).
 */
export function readPlan(text: string, base: string): PlanRead {
  let raw: unknown;
  try {
    raw = parseJson(text);
  } catch (error) {
    if (error instanceof JSONError || error instanceof SyntaxError) return { ok: false, problems: [syntaxProblem(text, error)] };
    throw error;
  }
  const parsed = planSchema(base).safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ where: fieldPath(issue.path), message: issueMessage(issue) })) };
  }
  const p = parsed.data;
  return {
    ok: true,
    plan: {
      name: p.name ?? null,
      // Validated above with the same entry schema, so the catalog reader keeps every entry.
      firmware: parseCatalog({ firmware: (raw as { firmware: unknown[] }).firmware }, base).firmware,
      gateways: p.gateways,
      maxParallel: p.maxParallel ?? null,
      pauseAfterFailures: p.pauseAfterFailures ?? null,
      canarySize: p.canarySize ?? null,
    },
  };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

export function formatProblems(file: string, problems: readonly PlanProblem[]): string {
  return problems.map((p) => `${file}${p.where === '' ? '' : `: ${p.where}`}: ${p.message}`).join('\n');
}
