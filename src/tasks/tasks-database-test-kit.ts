/** A database with the tasks' store alone, for tests of the task history. */
import type { DatabaseSpec } from '../lib/persist/persist-database.ts';
import { TASKS_STORE_SPEC } from './task-records.ts';

export const TASKS_DATABASE: DatabaseSpec = { name: 'tasks-test', version: 1, stores: [TASKS_STORE_SPEC] };
