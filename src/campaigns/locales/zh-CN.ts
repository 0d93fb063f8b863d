import type { Translation } from '../../ui/i18n/translation-type.ts';
import type { en } from './en.ts';

/**
 * The 'campaigns' namespace in Simplified Chinese: exactly the keys of en.ts. A campaign is
 * 批量升级 (as in the navigation), a gateway 网关, a task 任务, the canary 试点.
 */
export const zhCN: Translation<typeof en> = {
  screen: {
    title: '批量升级',
    back: '← 批量升级',
    detailTitle: '批量升级 {{name}}',
  },
  name: {
    versions: '{{versions}}（{{gateways}}）',
    noVersion: '升级',
  },
  state: {
    running: '进行中',
    paused: '已暂停',
    finished: '已完成',
    aborted: '已中止',
  },
  list: {
    label: '批量升级',
    empty: '还没有批量升级。请在<upgrade>升级</upgrade>页面发起。',
    meta: '{{state}} · 开始于 {{started}}',
  },
  broker: {
    newerLabel: '由较新版本写入的批量升级',
    newer: '{{name}}：由较新版本的控制台写入（记录格式 {{v}}）；本控制台只读显示，无法执行。',
    cannotHold:
      '此代理无法保存批量升级：通过通配符订阅读回的保留消息未返回（部分代理如 RabbitMQ 3.10 不投递此类消息）。其他控制台的批量升级不会显示，本控制台也无法共享自己的批量升级。',
  },
  detail: {
    notFound: '此处不知道这个编号的批量升级（最早结束的批量升级会被清除）。',
    stateLabel: '批量升级状态',
    drivenBy: '执行者：{{label}}',
    noDriver: '当前没有控制台执行此批量升级；一分钟内会有操作员控制台接管。',
    publishRefused: '代理拒绝了批量升级记录或命令：{{reason}}',
    progressLabel: '批量升级进度',
    progressValue: '{{percent}} · {{state}}',
    summaryLabel: '批量升级概况',
    openMonitor: '在监控页面查看此批量升级',
  },
  tiles: {
    gateways: '网关',
    elapsed: '已用时间',
    eta: '预计剩余',
    none: '—',
  },
  figures: {
    succeeded: '成功',
    failed: '失败',
    active: '未结束',
    notSent: '尚未下发',
    skipped: '已跳过',
    overall: '总进度',
    overallHint: '失败和跳过的不计为完成',
    stateCount: '{{state}} {{n}}',
    separator: ' · ',
  },
  limits: {
    limit: '并发上限：{{value}}',
    allAtOnce: '全部同时进行',
    atATime: '每次 {{count}} 个',
    pause: '失败暂停阈值：{{value}}',
    off: '关闭',
    canary: '试点：前 {{count}} 个',
    canaryDone: '试点：前 {{count}} 个（已完成）',
    separator: ' · ',
  },
  controls: {
    blocked: {
      readOnly: '只读控制台：此处无法更改批量升级。',
      notAuthorized: '代理不允许此控制台写入批量升级记录（{{reason}}）：如需更改批量升级，请申请批量升级主题的写权限。',
      newerFormat: '此批量升级由更新版本的控制台写入：此处只能查看，不能更改。',
      otherTab: '批量升级由本控制台的另一个标签页执行（只有一个标签页发送，避免重复下发）。请使用那个标签页，或将其关闭，由本标签页接管。',
    },
    pause: '暂停',
    resume: '继续',
    retryFailed: '重试失败项',
    abort: '中止',
    confirmLabel: '确认中止',
    confirmText: '将不再下发新的升级；已在进行的升级会继续。',
    confirmAbort: '中止批量升级',
    keep: '保留',
  },
  table: {
    label: '此批量升级中的网关',
    gateway: '网关',
    devices: '设备',
    state: '状态',
    attempts: '尝试次数',
    result: '结果',
    actions: '操作',
    retry: '重试',
    retryLabel: '重试 {{gateway}}',
    task: '任务',
    taskLabel: '{{gateway}} 的任务',
    resultLine: '{{code}}：{{text}}',
  },
  rowState: {
    queued: '排队中',
    published: '已发布',
    accepted: '已接受',
    noReply: '无响应',
    stalled: '停滞',
    verified: '已验证',
    versionMismatch: '版本不符',
    notSent: '尚未下发',
    skipped: '已跳过',
    retryQueued: '等待重试',
  },
  verified: {
    pending: '待验证',
    yes: '是',
    mismatch: '否（版本不符）',
  },
  unit: {
    failure_one: '{{count}} 次失败',
    failure_other: '{{count}} 次失败',
    gateway_one: '{{count}} 个网关',
    gateway_other: '{{count}} 个网关',
  },
  pausedReason: {
    operator: '已由操作员暂停',
    failures: '已暂停：{{failures}}，达到上限 {{limit}}',
    failuresPercent: '已暂停：{{failures}}，达到上限 {{percent}}（{{gateways}}中的 {{limitFailures}}）',
    canary: '已暂停：试点的 {{gateways}}中有 {{failed}} 个失败',
  },
  skipReason: {
    busy: '已跳过：此网关上有另一个升级正在进行（任务 {{bid}}，{{owner}}）',
    owner: {
      elsewhere: '由其他地方发起',
      otherCampaign: '属于另一个批量升级',
      thisConsole: '由本控制台发起',
    },
  },
  report: {
    exportCsv: '导出 CSV',
    exportJson: '导出 JSON',
  },
  notify: {
    unsupported: '此浏览器不支持通知；批量升级暂停或完成时，页面标题会显示提示。',
    stop: '停止通知',
    start: '批量升级暂停或完成时通知我',
    blocked: '浏览器设置已禁止此网站发送通知。',
  },
  alerts: {
    badgePaused: '（{{count}} 个已暂停）',
    badgeFinished: '（已完成）',
    pausedTitle: '批量升级已暂停：{{name}}',
    pausedBody: '已暂停',
    finishedTitle: '批量升级已完成：{{name}}',
    finishedBody: '所有网关均已有结果。',
  },
};
