import { describe, expect, it } from 'vitest';
import { canonicalWord, STEP_KEYS, SUB_STATUSES, TASK_STATUSES } from './status.ts';

describe('canonicalWord', () => {
  it('gives every protocol word back unchanged (the module’s copy of it), anything else as it came, null as null', () => {
    // A copy made at run time, as JSON.parse makes one: equal in value, another string in memory.
    for (const word of [...TASK_STATUSES, ...SUB_STATUSES, ...STEP_KEYS])
      expect(canonicalWord(JSON.parse(JSON.stringify(word)) as string)).toBe(word);
    expect(canonicalWord('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(canonicalWord(null)).toBeNull();
  });
});
