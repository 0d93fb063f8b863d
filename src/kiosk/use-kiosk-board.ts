import { useMemo, useState } from 'react';
import { useNow } from '../ui/clock';
import { useTaskTable, useTaskTimings } from '../tasks/tasks-hooks';
import type { TaskTimings } from '../tasks/task-types';
import {
  activeDeviceCards,
  kioskFigures,
  recentFailures,
  tasksForBoard,
  watchingSince,
  type DeviceCard,
  type KioskFailure,
  type KioskFigures,
} from './kiosk-view';

export interface KioskBoard {
  cards: readonly DeviceCard[];
  figures: KioskFigures;
  failures: readonly KioskFailure[];
  timings: TaskTimings;
  now: number;
  /** Since when "no failures" holds: the board's opening, or null for the whole failure window. */
  watchingSince: number | null;
}

/**
 * The board's content for the gateway and campaign filters. The cards change only with the table; the figures
 * and failures also with the clock (stalled, the failure window), once a second.
 */
export function useKioskBoard(gatewayPrefix: string | null, campaignId: string | null = null): KioskBoard {
  const table = useTaskTable();
  const timings = useTaskTimings();
  const now = useNow();
  // The board learns of failures only while it is open: it opened at its first render.
  const [openedAt] = useState(now);
  const tasks = useMemo(() => tasksForBoard(table, gatewayPrefix, campaignId), [table, gatewayPrefix, campaignId]);
  const cards = useMemo(() => activeDeviceCards(tasks), [tasks]);
  const figures = useMemo(() => kioskFigures(tasks, now, timings), [tasks, now, timings]);
  const failures = useMemo(() => recentFailures(tasks, now, timings), [tasks, now, timings]);
  return { cards, figures, failures, timings, now, watchingSince: watchingSince(openedAt, now) };
}
