import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../ui/i18n/use-format';
import { useCampaigns } from './campaign-hooks';
import { useCampaignTexts } from './use-campaign-texts';

/** Every campaign known here, newest first. */
export function CampaignList() {
  const { t } = useTranslation('campaigns');
  const f = useFormat();
  const texts = useCampaignTexts();
  const all = useCampaigns();
  if (all.length === 0) {
    return (
      <p>
        <Trans t={t} i18nKey="list.empty" components={{ upgrade: <Link to="/upgrade" className="text-blue-800 underline" /> }} />
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-2" aria-label={t('list.label')}>
      {[...all].reverse().map((c) => (
        <li key={c.id} className="rounded border border-slate-200 bg-white px-3 py-2">
          <Link to={`/campaigns/${encodeURIComponent(c.id)}`} className="font-medium text-blue-800 underline">
            {texts.name(c)}
          </Link>
          <span className="ml-3 text-sm text-slate-600">
            {t('list.meta', { state: t(`state.${c.state}`), started: f.dateTime(c.createdAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
