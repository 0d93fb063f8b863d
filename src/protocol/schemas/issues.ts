/**
 * Turns zod issues into one sentence for support staff, e.g.
 * "data.output.progress.percent must be a number (got "50")". Schemas must be parsed with
 * `{ reportInput: true }` so the received value can be quoted.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  object: 'an object',
  array: 'an array',
  boolean: 'true or false',
  null: 'null',
};

/** A short, safe preview of what arrived. */
export function preview(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const short = value.length > 24 ? `${value.slice(0, 24)}…` : value;
    return JSON.stringify(short);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? typeof value;
}

export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'payload' : out;
}

function got(issue: Issue): string {
  return issue.input === undefined ? '' : ` (got ${preview(issue.input)})`;
}

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}${got(issue)}`;
    case 'invalid_value':
      if (issue.input === undefined) return 'is missing';
      return `must be one of ${issue.values.map((v) => preview(v)).join(', ')}${got(issue)}`;
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'array') return `must have at least ${n} item${n === '1' ? '' : 's'}`;
      if (issue.origin === 'string') return `must be at least ${n} characters long`;
      return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${n}${got(issue)}`;
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'array') return `must have at most ${n} item${n === '1' ? '' : 's'}`;
      if (issue.origin === 'string') return `must be at most ${n} characters long`;
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${n}${got(issue)}`;
    }
    default:
      return `${issue.message}${got(issue)}`;
  }
}

/** One readable sentence for the first issue, with a count of the rest. */
export function formatIssues(root: string, issues: readonly Issue[]): string {
  const first = issues[0];
  if (first === undefined) return `${root || 'payload'} is not valid`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${formatPath(root, first.path)} ${describe(first)}${more}`;
}
