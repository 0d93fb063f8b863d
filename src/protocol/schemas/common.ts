import { z } from 'zod';
import { snProblem } from '../sn.ts';

/** An SN inside data: validated like one in a topic, because it will become one. */
export const snSchema = z.string().superRefine((sn, ctx) => {
  const problem = snProblem(sn);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `is not a valid SN: ${problem}`, input: sn });
});

/**
 * 0/1 flags of the state topic. DJI's reference backend types compatible_status and
 * firmware_upgrade_status as Boolean, so true/false are read as 1/0.
 */
export const flagSchema = z.preprocess((v) => (typeof v === 'boolean' ? Number(v) : v), z.literal([0, 1]));

/** Result codes: integers, 0 = success. */
export const resultSchema = z.int();
