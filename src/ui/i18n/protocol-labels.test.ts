import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_RESULT_CODES, resultCodeText } from '../../protocol/result-codes.ts';
import { en } from './protocol/en.ts';
import { zhCN } from './protocol/zh-CN.ts';
import { protocolLabelsFor } from './protocol-labels.ts';

const instance = i18next.createInstance();

beforeAll(async () => {
  await instance.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { protocol: en }, 'zh-CN': { protocol: zhCN } },
    interpolation: { escapeValue: false },
  });
});

describe('protocol labels', () => {
  it('English result-code resources are the texts of src/protocol, word for word', () => {
    expect(Object.keys(en.resultCode).map(Number).sort()).toEqual([...KNOWN_RESULT_CODES].sort());
    const labels = protocolLabelsFor(instance, 'en');
    for (const code of [...KNOWN_RESULT_CODES, 312999, 412001, 42, -1, 1.5]) expect(labels.resultCode(code)).toBe(resultCodeText(code));
  });

  it('Chinese uses DJI terms and translates unknown codes too', () => {
    const zh = protocolLabelsFor(instance, 'zh-CN');
    expect(zh.status('ok')).toBe('执行成功');
    expect(zh.status('canceled')).toBe('取消或终止');
    expect(zh.subStatus('UPLOADING_DRONE')).toBe('上传升级包到飞行器');
    expect(zh.step('download_firmware')).toBe('下载固件');
    expect(zh.resultCode(312027)).toBe('机场内没有飞行器');
    expect(zh.resultCode(312999)).toBe('未知错误（错误码 312999：设备端，模块 12，错误 999）');
    expect(zh.resultCode(412001)).toBe('未知错误（错误码 412001：来源 4，模块 12，错误 1）');
    expect(zh.resultCode(42)).toBe('未知错误（错误码 42）');
  });

  it('a value a device invented, or a language without the bundle, falls back to the English table', () => {
    const zh = protocolLabelsFor(instance, 'zh-CN');
    expect(zh.status('exploded')).toBe('exploded');
    expect(zh.subStatus('NEW_THING')).toBe('NEW_THING');
    const missing = protocolLabelsFor(instance, 'fr');
    expect(missing.status('ok')).toBe('Successful Execution');
    expect(missing.resultCode(312027)).toBe('There is no aircraft in the dock');
    expect(missing.resultCode(312999)).toBe(resultCodeText(312999));
  });
});
