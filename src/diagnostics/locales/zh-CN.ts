import type { Translation } from '../../ui/i18n/translation-type.ts';
import type { en } from './en.ts';

/** The 'diagnostics' namespace in Simplified Chinese: exactly the keys of en.ts. */
export const zhCN: Translation<typeof en> = {
  title: '诊断',
  reset: '重置',
  totals: {
    label: '消息总计',
    received: '已接收消息',
    invalid: '无效',
    ignored: '已忽略',
  },
  kinds: {
    caption: '按类型统计的消息',
    kind: '类型',
    count: '数量',
    all: '全部消息',
    ota_progress: '升级进度（ota_progress）',
    ota_create: '升级指令（ota_create）',
    ota_create_reply: '指令回复（services_reply）',
    update_topo: '拓扑（update_topo）',
    state: '设备状态',
    osd: '遥测（osd）',
    ignored: '已忽略（格式正确，无需处理）',
    campaign_record: '活动记录',
    invalid: '无效',
  },
  rates: {
    caption: '每秒消息数（最近 {{seconds}} 秒）',
    family: '主题类别',
    perSecond: '条/秒',
    other: '其他主题',
  },
  invalid: {
    heading: '最近的无效消息',
    kept: '保留最新的 {{n}} 条；更早的只计数。',
    none: '没有无效消息。',
    time: '时间',
    topic: '主题',
    reason: '原因',
    size: '大小',
  },
};
