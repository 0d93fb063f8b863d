import { Link } from 'react-router';
import { useCampaigns } from '../campaign-hooks';
import type { CampaignsStore } from '../campaign-store';
import { formatDateTime } from '../../ui/format-time';

/** Every campaign known here, newest first. */
export function CampaignList({ campaigns }: { campaigns: CampaignsStore }) {
  const all = useCampaigns(campaigns);
  if (all.length === 0) {
    return (
      <p>
        No campaigns yet. Start one from the <Link to="/upgrade" className="text-blue-800 underline">Upgrade</Link> screen.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-2" aria-label="Campaigns">
      {[...all].reverse().map((c) => (
        <li key={c.id} className="rounded border border-slate-200 bg-white px-3 py-2">
          <Link to={`/campaigns/${encodeURIComponent(c.id)}`} className="font-medium text-blue-800 underline">
            {c.name}
          </Link>
          <span className="ml-3 text-sm text-slate-600">
            {c.state === 'paused' ? 'Paused' : c.state === 'running' ? 'Running' : c.state === 'finished' ? 'Finished' : 'Aborted'} · started {formatDateTime(c.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
