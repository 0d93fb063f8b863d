import { z } from 'zod';
import { fileNameProblem, fileSizeProblem, httpUrlProblem, md5Problem, normalizeMd5, versionTextProblem } from '../protocol/validation';

/** `domain-type-sub_type`, the key update_topo reports (src/protocol/models.ts). */
export const MODEL_KEY_PATTERN = /^\d{1,5}-\d{1,5}-\d{1,5}$/;

const missingOr = (what: string) => (issue: { input: unknown }) => (issue.input === undefined ? 'is missing' : `must be ${what}`);

function checked(problem: (value: unknown) => string | null) {
  return (value: unknown, ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  };
}

/**
 * One catalog entry as published, validated with the same field rules as an ota_create
 * (src/protocol/validation.ts) so nothing the console lists can later be refused by the builder.
 * `catalogUrl` is absolute: relative `file_url`s are resolved against it.
 */
export function catalogEntrySchema(catalogUrl: string) {
  return z.object({
    id: z
      .union([z.string().trim().min(1, 'is empty'), z.number().int().nonnegative()], { error: missingOr('text or a whole number') })
      .transform(String),
    model: z
      .string({ error: 'must be a model key like 3-2-0, or left out' })
      .trim()
      .regex(MODEL_KEY_PATTERN, 'must be a model key like 3-2-0')
      .nullish()
      .or(z.literal(''))
      .transform((m) => (m ? m : null)),
    product_name: z.string({ error: 'must be text' }).optional(),
    product_version: z.string({ error: missingOr('text') }).superRefine(checked(versionTextProblem)),
    file_name: z.string({ error: missingOr('text') }).superRefine(checked(fileNameProblem)),
    file_url: z.string({ error: missingOr('text') }).transform((raw, ctx) => {
      let resolved: string;
      try {
        resolved = new URL(raw.trim(), catalogUrl).href;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not a URL' });
        return z.NEVER;
      }
      const problem = httpUrlProblem(resolved);
      if (problem !== null) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return resolved;
    }),
    file_size: z.number({ error: missingOr('a number of bytes') }).superRefine(checked(fileSizeProblem)),
    md5: z.string({ error: missingOr('text') }).transform((raw, ctx) => {
      const md5 = normalizeMd5(raw);
      if (md5 === null) {
        ctx.addIssue({ code: 'custom', message: md5Problem(raw.trim()) ?? 'is not an MD5' });
        return z.NEVER;
      }
      return md5;
    }),
    release_notes: z.string({ error: 'must be text' }).nullish(),
    released_at: z.string({ error: 'must be text' }).nullish(),
  });
}

export type CatalogEntry = z.output<ReturnType<typeof catalogEntrySchema>>;
