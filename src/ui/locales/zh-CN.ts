import type { Translation } from '../i18n/translation-type.ts';
import type { en } from './en.ts';

/** The 'common' namespace in Simplified Chinese: exactly the keys of en.ts. */
export const zhCN: Translation<typeof en> = {
  confirm: '确认',
  cancel: '取消',
  copy: '复制',
  copied: '已复制',
  copyUnavailable: '此处无法使用复制功能：请选中文字后手动复制。',
  time: {
    justNow: '刚刚',
    ago: '{{duration}}前',
  },
  age: {
    seconds: '{{n}}秒前',
    minutes: '{{n}}分钟前',
    hours: '{{n}}小时前',
    days: '{{n}}天前',
  },
  duration: {
    seconds: '{{s}}秒',
    minutes: '{{min}}分{{s}}秒',
    hours: '{{h}}小时{{min}}分',
  },
  size: {
    bytes_one: '{{bytes}} 字节',
    bytes_other: '{{bytes}} 字节',
  },
  brokerError: {
    connack: {
      unacceptableProtocolVersion: '协议版本不被接受',
      clientIdRejected: '客户端标识符被拒绝',
      serverUnavailable: '服务器不可用',
      badCredentials: '用户名或密码错误',
      notAuthorized: '未授权',
      unspecifiedError: '未说明原因的错误',
      malformedPacket: '报文格式错误',
      protocolError: '协议错误',
      implementationSpecificError: '服务器实现相关的错误',
      unsupportedProtocolVersion: '不支持的协议版本',
      clientIdNotValid: '客户端标识符无效',
      serverBusy: '服务器繁忙',
      banned: '已被服务器禁止连接',
      badAuthenticationMethod: '认证方式错误',
      sessionTakenOver: '会话已被其他连接接管',
      packetTooLarge: '报文过大',
      quotaExceeded: '超出配额',
      useAnotherServer: '请改用其他服务器',
      serverMoved: '服务器已迁移',
      connectionRateExceeded: '连接过于频繁',
      unknown: '连接被拒绝（代码 {{code}}）',
    },
    transport: {
      connectionRefused: '连接被拒绝',
      connectionReset: '连接被重置',
      hostNotFound: '找不到 MQTT 服务器主机',
      timedOut: '连接超时',
      hostUnreachable: '无法访问 MQTT 服务器主机',
      unknown: '连接失败（{{code}}）',
    },
    closedBeforeConnack: '连接在收到 CONNACK 之前被关闭',
    lost: '连接已断开',
    subscriptionsRefused: {
      all: 'MQTT 服务器拒绝了订阅（请检查 ACL）：{{filters}}',
      some: 'MQTT 服务器拒绝了部分订阅（请检查 ACL）：{{filters}}',
    },
    disconnected: '被 MQTT 服务器断开：{{reason}}',
    aside: '（{{reason}}）',
  },
};
