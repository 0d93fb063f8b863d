import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useFleet, useGateway } from '../fleet/fleet-hooks.ts';
import { LastSeen } from '../fleet/last-seen.tsx';
import { DEFAULT_STALE_AFTER_MS, gatewayOfDevice } from '../fleet/fleet-selectors.ts';
import { dockPath } from '../ui/dock-link.tsx';
import { useFormat } from '../ui/i18n/use-format';
import { useNow } from '../ui/clock.ts';
import { useTaskStateLabel } from '../tasks/use-status-words.ts';
import { DockDevices } from './dock-devices.tsx';
import { DockUpgradeTable, taskPath } from './dock-upgrade-table.tsx';
import { DockVersionHistory } from './dock-version-history.tsx';
import { versionHistory, type DockUpgrade } from './dock-upgrades.ts';
import { useDockUpgrades, type StoredHistory } from './use-dock-upgrades.ts';

export interface DockScreenProps {
  staleAfterMs?: number;
}

/** `#/fleet/:sn`: a device's SN opens its gateway's page. */
export default function DockScreen({ staleAfterMs = DEFAULT_STALE_AFTER_MS }: DockScreenProps) {
  const sn = useParams().sn ?? '';
  const holder = useFleet((s) => gatewayOfDevice(s, sn));
  if (holder !== undefined && holder !== sn) return <Navigate to={dockPath(holder)} replace />;
  return <GatewayPage key={sn} sn={sn} staleAfterMs={staleAfterMs} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function LastState({ upgrading, last }: { upgrading: boolean; last: DockUpgrade | undefined }) {
  const { t } = useTranslation('dock');
  const f = useFormat();
  const stateLabel = useTaskStateLabel();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p>{upgrading ? t('state.upgradingNow') : t('state.idle')}</p>
      {last === undefined ? (
        <p className="text-slate-600">{t('state.none')}</p>
      ) : (
        <p>
          {t('state.last', { state: stateLabel(last.state), at: f.dateTime(last.startedAt) })}{' '}
          <Link to={taskPath(last.task.bid)} className="text-blue-800 underline">
            {t('state.openTask')}
          </Link>
        </p>
      )}
    </div>
  );
}

function historyNote(stored: StoredHistory): 'upgrades.reading' | 'upgrades.readFailed' | 'upgrades.noHistory' | null {
  if (stored === 'reading') return 'upgrades.reading';
  if (stored === 'failed') return 'upgrades.readFailed';
  if (stored === 'none') return 'upgrades.noHistory';
  return null;
}

function GatewayPage({ sn, staleAfterMs }: { sn: string; staleAfterMs: number }) {
  const { t } = useTranslation('dock');
  const f = useFormat();
  const gateway = useGateway(sn);
  const now = useNow();
  const { upgrades, stored } = useDockUpgrades(sn);
  const changes = versionHistory(upgrades);
  const note = historyNote(stored);
  const product = gateway?.devices[0]?.productName ?? null;
  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-5 p-6">
      <div className="flex flex-col gap-1">
        <Link to="/fleet" className="text-sm text-blue-800 underline">
          {t('screen.back')}
        </Link>
        <h1 id="screen-title" className="text-xl font-semibold">
          {t('screen.title', { sn })}
        </h1>
        {gateway === undefined ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">{t('screen.notInFleet')}</p>
        ) : (
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
            {product !== null ? <span className="font-medium">{product}</span> : null}
            <LastSeen lastSeen={gateway.lastSeen} staleAfterMs={staleAfterMs} />
            <span>{gateway.topoAt === null ? t('screen.noTopo') : t('screen.topoAt', { age: f.relativeAge(now - gateway.topoAt) })}</span>
          </div>
        )}
      </div>

      {gateway !== undefined ? (
        <Section title={t('devices.heading')}>
          <DockDevices gateway={gateway} staleAfterMs={staleAfterMs} />
        </Section>
      ) : null}

      <Section title={t('state.heading')}>
        <LastState upgrading={gateway?.upgrading ?? false} last={upgrades[0]} />
      </Section>

      <Section title={t('versions.heading')}>
        <DockVersionHistory sn={sn} changes={changes} />
      </Section>

      <Section title={t('upgrades.heading')}>
        {note !== null ? <p className="text-sm text-slate-600">{t(note)}</p> : null}
        {upgrades.length === 0 ? (
          stored === 'reading' ? null : (
            <p className="text-sm text-slate-600">{t('upgrades.none')}</p>
          )
        ) : (
          <>
            <p className="text-sm text-slate-600">{t('upgrades.count', { count: upgrades.length, n: f.number(upgrades.length) })}</p>
            <DockUpgradeTable sn={sn} upgrades={upgrades} />
          </>
        )}
      </Section>
    </section>
  );
}
