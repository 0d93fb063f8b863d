import type { Translation } from '../../ui/i18n/translation-type.ts';
import type { en } from './en.ts';

/** The 'tasks' namespace in Simplified Chinese: exactly the keys of en.ts. */
export const zhCN: Translation<typeof en> = {
  state: {
    queued: '排队中',
    published: '已发布',
    accepted: '已接受',
    'no-reply': '无应答',
    stalled: '停滞',
    verified: '已验证',
    'version-mismatch': '版本不符',
  },
  command: {
    queued: '排队中',
    published: '已发送',
    accepted: '已接受',
    rejected: '拒绝',
    'no-reply': '无应答',
  },
  superseded: '已被新任务取代',
  resultCodeLine: '{{code}}：{{text}}',
};
