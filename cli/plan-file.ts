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
import { DEFAULT_IDLE_GATE } from '../src/campaigns/campaign-timing.ts';
import type { CampaignTiming } from '../src/campaigns/campaign-types.ts';
import { MAX_WINDOW_MINUTES, parseStartTime, type Weekday } from '../src/campaigns/maintenance-window.ts';
import { instantOf, isValidTimeZone, localTimeZone } from '../src/lib/zoned-time.ts';

/** What a plan resolves to before the fleet is known. */
export interface PlanFile {
  name: string | null;
  /** As the console's catalog gives them (src/firmware/parse-catalog.ts), one per model. */
  firmware: Firmware[];
  gateways: string[];
  maxParallel: number | null;
  pauseAfterFailures: { count: number } | { percent: number } | null;
  canarySize: number | null;
  /** When the campaign may send: window, start not before, idle gate (absent: any time, no gate). */
  timing?: CampaignTiming;
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

const DAY_NAMES: Readonly<Record<string, Weekday>> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};

const dayName = z.string({ error: 'must be a day name such as "Tue"' }).transform((value, ctx) => {
  const day = DAY_NAMES[value.trim().toLowerCase()];
  if (day === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun` });
    return z.NEVER;
  }
  return day;
});

const windowSchema = z.strictObject(
  {
    days: z.array(dayName, { error: 'must be a list of days such as ["Tue", "Thu"]' }).min(1, 'must list at least one day'),
    start: z
      .string({ error: 'must be a time such as "01:00"' })
      .refine((v) => parseStartTime(v) !== null, 'must be a 24-hour time such as "01:00"'),
    durationMinutes: z
      .number({ error: `must be a whole number of minutes from 1 to ${MAX_WINDOW_MINUTES}` })
      .int({ error: `must be a whole number of minutes from 1 to ${MAX_WINDOW_MINUTES}` })
      .min(1, `must be a whole number of minutes from 1 to ${MAX_WINDOW_MINUTES}`)
      .max(MAX_WINDOW_MINUTES, `must be at most ${MAX_WINDOW_MINUTES} minutes (7 days)`),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? undefined : 'must be {"days": [...], "start": "HH:MM", "durationMinutes": N} or null',
  },
);

const gateSchema = z.strictObject(
  {
    enabled: z.boolean({ error: 'must be true or false' }),
    allowUnknown: z.boolean({ error: 'must be true or false' }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'must be {"enabled": true|false, "allowUnknown": true|false}') },
);

const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-05-12T01:00" in `timeZone`, or an instant with its offset ("...Z", "...+02:00"); null when neither. */
export function readStartNotBefore(text: string, timeZone: string): number | null {
  const wall = ZONED.exec(text);
  if (wall !== null) {
    const [year, month, day, hour, minute] = wall.slice(1, 6).map(Number) as [number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
    return instantOf({ year, month, day, hour, minute }, timeZone);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isFinite(at) ? at : null;
}

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
        timeZone: z.string({ error: 'must be an IANA time zone name such as "Europe/Berlin"' }).nullish(),
        maintenanceWindow: windowSchema.nullish(),
        startNotBefore: z.string({ error: 'must be a date and time such as "2026-05-12T01:00"' }).nullish(),
        idleGate: gateSchema.nullish(),
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
      const zone = plan.timeZone ?? localTimeZone();
      if (plan.timeZone != null && !isValidTimeZone(plan.timeZone)) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeZone'],
          message: `"${plan.timeZone}" is not a time zone this system knows: use an IANA name such as "Europe/Berlin"`,
        });
      } else if (plan.startNotBefore != null && readStartNotBefore(plan.startNotBefore, zone) === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['startNotBefore'],
          message: 'must be a date and time such as "2026-05-12T01:00" (in timeZone) or "2026-05-12T01:00:00+02:00"',
        });
      }
      if (plan.idleGate?.enabled === false && plan.idleGate.allowUnknown === true) {
        ctx.addIssue({
          code: 'custom',
          path: ['idleGate', 'allowUnknown'],
          message: 'has no effect while the idle gate is off (enabled: false)',
        });
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
      timing: planTiming(p),
    },
  };
}

/** The plan's timing: the window and start-not-before in its time zone (this system's by default), the gate on unless turned off. */
function planTiming(p: {
  timeZone?: string | null | undefined;
  maintenanceWindow?: { days: Weekday[]; start: string; durationMinutes: number } | null | undefined;
  startNotBefore?: string | null | undefined;
  idleGate?: { enabled: boolean; allowUnknown?: boolean | undefined } | null | undefined;
}): CampaignTiming {
  const timeZone = p.timeZone ?? localTimeZone();
  const w = p.maintenanceWindow ?? null;
  const gate = p.idleGate ?? null;
  return {
    window:
      w === null
        ? null
        : { days: [...new Set(w.days)].sort((a, b) => a - b), start: w.start, durationMinutes: w.durationMinutes, timeZone },
    notBefore: p.startNotBefore == null ? null : readStartNotBefore(p.startNotBefore, timeZone),
    idleGate: gate === null ? DEFAULT_IDLE_GATE : { enabled: gate.enabled, allowUnknown: gate.enabled && (gate.allowUnknown ?? false) },
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
