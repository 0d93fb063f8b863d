import type { Translation } from '../i18n/translation-type.ts';
import type { en } from './en.ts';

/** The 'common' namespace in Simplified Chinese: exactly the keys of en.ts. */
export const zhCN: Translation<typeof en> = {
  confirm: '确认',
  cancel: '取消',
  copy: '复制',
  copied: '已复制',
  copyUnavailable: '此处无法使用复制功能：请选中文字后手动复制。',
};
