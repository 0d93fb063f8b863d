import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../ui/button';
import { canRetryGateway } from '../../campaigns/campaign-actions';
import { useCampaign, useCampaignActions, useCampaignDriver, useCampaignsControlledElsewhere } from '../../campaigns/campaign-hooks';
import type { UpgradeTask } from '../../tasks/task-types';

function taskLink(bid: string): string {
  return `/tasks/${encodeURIComponent(bid)}`;
}

/**
 * Retry from the task page: the campaign's own per-gateway Retry (the same command the campaign
 * page sends), offered on the gateway's newest attempt; otherwise a sentence saying where to go.
 */
export function TaskRetry({ task, campaignId, readOnly }: { task: UpgradeTask; campaignId: string; readOnly: boolean }) {
  const { t } = useTranslation('monitor');
  const campaign = useCampaign(campaignId);
  const actions = useCampaignActions();
  const elsewhere = useCampaignsControlledElsewhere();
  const { onBroker } = useCampaignDriver(campaignId);
  const gateway = campaign?.gateways.find((g) => g.gateway === task.gateway);
  if (campaign === undefined || gateway === undefined) return <p className="text-sm text-slate-600">{t('outcome.noCampaign')}</p>;
  const campaignLink = (
    <Link to={`/campaigns/${encodeURIComponent(campaign.id)}`} className="text-sm text-blue-800 underline">
      {t('outcome.openCampaign')}
    </Link>
  );
  const newest = gateway.attempts.at(-1);
  if (newest !== undefined && newest.bid !== task.bid) {
    return (
      <p className="flex flex-wrap gap-2 text-sm">
        <span>{t('outcome.newerAttempt')}</span>
        <Link to={taskLink(newest.bid)} className="text-blue-800 underline">
          {t('outcome.openNewer')}
        </Link>
      </p>
    );
  }
  if (gateway.retryRequested)
    return (
      <p className="flex flex-wrap gap-2 text-sm">
        {t('outcome.retryQueued')} {campaignLink}
      </p>
    );
  const blocked = readOnly
    ? t('outcome.readOnly')
    : elsewhere && !onBroker
      ? t('outcome.runElsewhere')
      : campaign.state === 'aborted'
        ? t('outcome.aborted')
        : null;
  if (!canRetryGateway(gateway)) return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="primary"
        disabled={blocked !== null}
        aria-label={t('outcome.retryLabel', { gateway: task.gateway })}
        onClick={() => actions.retryGateway(campaign.id, task.gateway)}
      >
        {t('outcome.retry')}
      </Button>
      {blocked !== null ? <span className="text-sm text-slate-600">{blocked}</span> : null}
      {campaignLink}
    </div>
  );
}
