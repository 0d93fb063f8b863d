import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BrokerCapabilityNote, NewerCampaignsNote } from './broker-capability-note';
import { CampaignDetail } from './campaign-detail';
import { CampaignList } from './campaign-list';
import { useCampaignTexts } from './use-campaign-texts';
import { useCampaign } from './campaign-hooks';

export interface CampaignScreenProps {
  readOnly?: boolean;
}

/** Routes /campaigns (the list) and /campaigns/:id (one campaign with its controls and report). */
export default function CampaignScreen({ readOnly = false }: CampaignScreenProps) {
  const { t } = useTranslation('campaigns');
  const texts = useCampaignTexts();
  const id = useParams().id;
  const campaign = useCampaign(id ?? '');
  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-4 p-6">
      {id === undefined ? (
        <>
          <h1 id="screen-title" className="text-xl font-semibold">
            {t('screen.title')}
          </h1>
          <BrokerCapabilityNote />
          <CampaignList />
          <NewerCampaignsNote />
        </>
      ) : (
        <>
          <div>
            <Link to="/campaigns" className="text-sm text-blue-800 underline">
              {t('screen.back')}
            </Link>
            <h1 id="screen-title" className="text-xl font-semibold">
              {t('screen.detailTitle', { name: campaign === undefined ? '' : texts.name(campaign) })}
            </h1>
          </div>
          <CampaignDetail id={id} readOnly={readOnly} />
        </>
      )}
    </section>
  );
}
