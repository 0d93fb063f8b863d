import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { connectionNoticeOf } from '../broker/connection-notice';
import type { ConnectionStore } from '../broker/connection-store';
import { useTasksClock } from '../tasks/tasks-hooks';
import { ActiveGrid } from './active-grid';
import { BoardHeader } from './board-header';
import { BoardTiles } from './board-tiles';
import { CampaignProgressLine } from './campaign-progress-line';
import { ConnectionBanner } from '../ui/connection-banner';
import { FailuresPanel } from './failures-panel';
import { parseKioskParams } from './kiosk-params';
import { useKioskNotes } from './use-kiosk-notes';
import type { GridShape } from './paging';
import { useKioskBoard } from './use-kiosk-board';
import { useWakeLock } from './use-wake-lock';

export interface KioskScreenProps {
  /** The page's query string: `gateway`, `campaign` and `interval` configure the board (`lang` is the console's). */
  search: string;
  /** Problems with the rest of the configuration (broker, credentials), one line each. */
  configNotes?: readonly string[];
  /** The page's broker connection (the app passes it in; a test its own). */
  connection: ConnectionStore;
  /** For tests without layout: the grid's columns and rows. */
  gridShape?: GridShape;
}

/**
 * The read-only wallboard: summary tiles, the active devices in pages that turn by themselves, the
 * newest failures, and a banner when the broker is gone. It imports nothing that publishes; the
 * session below it is read-only as well (src/broker refuses every publish of a kiosk session).
 */
export default function KioskScreen({ search, configNotes = [], connection, gridShape }: KioskScreenProps) {
  const { t } = useTranslation('kiosk');
  const params = useMemo(() => parseKioskParams(search), [search]);
  const paramNotes = useKioskNotes(params.notes);
  useTasksClock(1_000);
  useWakeLock();
  const board = useKioskBoard(params.gatewayPrefix, params.campaignId);
  const stale = useStore(connection, (s) => s.phase !== 'connected');
  const notice = useStore(connectionNoticeOf(connection));
  const notes = [...paramNotes, ...configNotes];
  const dim = stale ? 'opacity-80 grayscale' : '';
  return (
    <div
      data-stale={stale ? 'true' : undefined}
      className="fixed inset-0 flex cursor-none flex-col overflow-hidden bg-neutral-950 text-[clamp(14px,1.15vw,64px)] text-neutral-50 select-none"
    >
      <BoardHeader connection={connection} gatewayPrefix={params.gatewayPrefix} now={board.now} />
      <ConnectionBanner notice={notice} look="wallboard" />
      <main className="flex min-h-0 flex-1 flex-col gap-[0.8em] px-[1em] py-[0.8em]">
        {stale ? (
          <p className="text-[1.3em] font-bold text-amber-300">
            <span aria-hidden="true">⚠ </span>
            {t('stale')}
          </p>
        ) : null}
        <div className={dim}>
          <BoardTiles figures={board.figures} />
        </div>
        {params.campaignId !== null ? (
          <div className={dim}>
            <CampaignProgressLine campaignId={params.campaignId} now={board.now} />
          </div>
        ) : null}
        <div className={`flex min-h-0 flex-1 gap-[1em] ${dim}`}>
          <ActiveGrid cards={board.cards} timings={board.timings} intervalSeconds={params.intervalSeconds} shape={gridShape} />
          <FailuresPanel failures={board.failures} watchingSince={board.watchingSince} />
        </div>
      </main>
      {notes.length > 0 ? (
        <footer
          aria-label={t('notes.label')}
          className="truncate border-t border-neutral-800 px-[1em] py-[0.2em] text-[0.8em] text-neutral-400"
        >
          {notes.join(t('notes.separator'))}
        </footer>
      ) : null}
    </div>
  );
}
