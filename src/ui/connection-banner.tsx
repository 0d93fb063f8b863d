import { useTranslation } from 'react-i18next';
import { useMessageText, type Message } from './i18n/message';
import { useFormat } from './i18n/use-format';

/** What the banner says, as src/broker's connection notice gives it (connection-notice.ts). */
export interface ConnectionNoticeView {
  /** ms epoch since which the page has not been connected; null while connected. */
  lostSince: number | null;
  everConnected: boolean;
  phase: 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
  trouble: 'notAuthorized' | 'refused' | 'lost' | null;
  error: Message | string | null;
}

export interface ConnectionBannerProps {
  notice: ConnectionNoticeView;
  /** The wallboard's large banner, or the operator screens' strip under the header. */
  look: 'wallboard' | 'screen';
  /** For figures that point to the banner with aria-describedby. */
  id?: string;
}

const LOOK = {
  wallboard: {
    quiet: 'bg-neutral-800 px-[1em] py-[0.4em] text-[1.1em] text-neutral-200',
    alert: 'flex flex-wrap items-baseline gap-x-[1em] bg-red-700 px-[1em] py-[0.5em] text-white',
    headline: 'text-[1.6em] font-bold',
    detail: 'text-[1.05em]',
  },
  screen: {
    quiet: 'border-b border-slate-200 bg-slate-100 px-4 py-1.5 text-sm text-slate-700',
    alert: 'flex flex-wrap items-baseline gap-x-4 gap-y-1 border-b border-red-800 bg-red-700 px-4 py-2 text-white',
    headline: 'font-semibold',
    detail: 'text-sm',
  },
} as const;

/**
 * The banner over stale data while the page is not connected: since when the connection is lost
 * (across all the retries that follow) and why, when the session knows. The first connect after
 * opening is not a loss and gets a quiet line instead, unless it fails.
 */
export function ConnectionBanner({ notice, look, id }: ConnectionBannerProps) {
  const { t } = useTranslation('common');
  const f = useFormat();
  const say = useMessageText();
  const css = LOOK[look];
  if (notice.lostSince === null) return null;
  const error = notice.error === null ? null : say(notice.error);
  const firstConnect = !notice.everConnected && error === null;
  // The wallboard's board starts 'disconnected' only when its session could not start: that is worth an alert.
  if (firstConnect && (look === 'screen' || notice.phase === 'connecting')) {
    return (
      <p id={id} className={css.quiet}>
        {look === 'screen' ? t('connectionBanner.notYetConnecting') : t('connectionBanner.connecting')}
      </p>
    );
  }
  const time = f.hourMinute(notice.lostSince);
  const headline = notice.everConnected
    ? t('connectionBanner.lost', { time })
    : look === 'screen'
      ? t('connectionBanner.notYet')
      : t('connectionBanner.neverConnected', { time });
  return (
    <div id={id} role="alert" className={css.alert}>
      <span className={css.headline}>
        <span aria-hidden="true">⚠ </span>
        {headline}
      </span>
      <span className={css.detail}>{bannerDetail(look, notice.trouble, error, t)}</span>
    </div>
  );
}

type BannerT = ReturnType<typeof useTranslation<'common'>>['t'];

function bannerDetail(
  look: ConnectionBannerProps['look'],
  trouble: ConnectionNoticeView['trouble'],
  error: string | null,
  t: BannerT,
): string {
  if (error === null) return t('connectionBanner.reconnecting');
  // The wallboard has no Settings to send anyone to: it keeps its one line for every reason.
  if (look === 'screen' && trouble === 'notAuthorized') return t('connectionBanner.notAuthorized', { error });
  if (look === 'screen' && trouble === 'refused') return t('connectionBanner.refused', { error });
  return t('connectionBanner.reconnectingWhy', { error });
}
