import { useTranslation } from 'react-i18next';
import { useActiveSession, useConnection } from '../app-context';
import type { RuntimeConfig } from '../config/config-schema';
import { ConnectionOutcome } from './connection-outcome';

/** Who this console is on the broker: role, client id, whether it may publish. */
export function SessionSummary({ config }: { config: RuntimeConfig }) {
  const { t } = useTranslation('app');
  const clientId = useActiveSession((s) => s.session?.clientId ?? null);
  const connected = useConnection((s) => s.phase === 'connected');
  const readOnly = config.readOnly || config.kiosk;
  const why = config.kiosk ? t('session.whyKiosk') : t('session.whyReadOnly');
  return (
    <section aria-labelledby="session-heading" className="flex flex-col gap-1 text-sm">
      <h2 id="session-heading" className="text-lg font-semibold">
        {t('session.heading')}
      </h2>
      <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t('session.role')}</dt>
        <dd>{config.kiosk ? t('session.roleKiosk') : t('session.roleOperator')}</dd>
        <dt className="font-medium">{t('session.publishing')}</dt>
        <dd>{readOnly ? t('session.publishingReadOnly', { why }) : t('session.publishingAllowed')}</dd>
        <dt className="font-medium">{t('session.clientId')}</dt>
        <dd className="font-mono">{clientId ?? t('session.noSession')}</dd>
        {/* The URL only once connected: before that it is where the console tries, not where it is. */}
        <dt className="font-medium">{connected ? t('session.connectedTo') : t('session.connection')}</dt>
        <dd>
          <ConnectionOutcome />
        </dd>
      </dl>
    </section>
  );
}
