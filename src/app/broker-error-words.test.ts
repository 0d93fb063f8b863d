import i18next, { type ParseKeys } from 'i18next';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { brokerErrorMessage, brokerErrorText, type BrokerErrorKey } from '../broker/broker-error.ts';
import type { BrokerErrorInfo } from '../broker/connection-store.ts';
import { KNOWN_CONNACK_CODES, KNOWN_TRANSPORT_CODES } from '../broker/errors.ts';
import { renderMessage } from '../ui/i18n/message.ts';
import { en } from '../ui/locales/en.ts';
import { zhCN } from '../ui/locales/zh-CN.ts';

/** How a screen in `language` words the error: the message through the shared renderer. */
function commonT(language: 'en' | 'zh-CN'): (info: BrokerErrorInfo) => string {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    ns: ['common'],
    defaultNS: 'common',
    resources: { en: { common: en }, 'zh-CN': { common: zhCN } },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return (info) => {
    const message = brokerErrorMessage(info);
    return typeof message === 'string' ? message : renderMessage(message, language, instance);
  };
}

/** Every error the session can write: each known code, unknown ones, and every other kind. */
const EVERY_ERROR: BrokerErrorInfo[] = [
  ...[...KNOWN_CONNACK_CODES, 0x99, 6].map((code): BrokerErrorInfo => ({ kind: 'connack', code })),
  ...[...KNOWN_TRANSPORT_CODES, 'EPIPE'].map((code): BrokerErrorInfo => ({ kind: 'transport', code })),
  { kind: 'refused' },
  { kind: 'closedBeforeConnack' },
  { kind: 'socketClosed', code: 1002, reason: 'unauthenticated' },
  { kind: 'socketClosed', code: 1011, reason: '' },
  { kind: 'lost' },
  { kind: 'subscriptionsRefused', filters: ['thing/product/+/osd', 'thing/product/+/events'], all: true },
  { kind: 'subscriptionsRefused', filters: ['thing/product/+/osd'], all: false },
  ...[...KNOWN_CONNACK_CODES, 0x8b].map((code): BrokerErrorInfo => ({ kind: 'disconnected', code })),
  { kind: 'text', text: 'keepalive timeout' },
];

describe("broker errors in the 'common' namespace", () => {
  it('has a key for every broker error key', () => {
    expectTypeOf<BrokerErrorKey>().toExtend<ParseKeys<'common'>>();
  });

  it('reads in English exactly as the lastError the session writes', () => {
    const t = commonT('en');
    expect(KNOWN_CONNACK_CODES.length).toBeGreaterThan(20);
    for (const info of EVERY_ERROR) expect(t(info), JSON.stringify(info)).toBe(brokerErrorText(info));
  });

  it('reads in Chinese for every error but free text, with its values filled in', () => {
    const t = commonT('zh-CN');
    for (const info of EVERY_ERROR.filter((i) => i.kind !== 'text')) {
      const text = t(info);
      expect(text, JSON.stringify(info)).not.toBe(brokerErrorText(info));
      expect(text, JSON.stringify(info)).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/brokerError|\{\{/);
    }
    expect(t({ kind: 'connack', code: 4 })).toBe('用户名或密码错误');
    expect(t({ kind: 'transport', code: 'ECONNREFUSED' })).toBe('连接被拒绝');
    expect(t({ kind: 'disconnected', code: 0x87 })).toBe('被 MQTT 服务器断开：未授权');
    expect(t({ kind: 'connack', code: 0x99 })).toBe('连接被拒绝（代码 153）');
    expect(t({ kind: 'subscriptionsRefused', filters: ['a/+', 'b/#'], all: true })).toContain('a/+, b/#');
    expect(t({ kind: 'text', text: 'keepalive timeout' })).toBe('keepalive timeout');
  });
});
