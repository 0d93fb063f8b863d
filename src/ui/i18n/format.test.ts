import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatBytesWithExact,
  formatClock,
  formatDate,
  formatDateTime,
  formatDuration,
  formatDurationAgo,
  formatList,
  formatNumber,
  formatPercent,
  formatRate,
  formatRelativeAge,
  formatSpeed,
} from './format.ts';

const at = new Date(2026, 0, 2, 10, 20, 31, 400).getTime();

describe('locale formatting, English (the console’s established texts)', () => {
  it('numbers, percents, sizes, speeds and rates', () => {
    expect(formatNumber(603_696_942, 'en')).toBe('603,696,942');
    expect(formatPercent(45, 'en')).toBe('45%');
    expect(formatPercent(12.5, 'en')).toBe('12.5%');
    expect(formatBytes(12, 'en')).toBe('12 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KiB');
    expect(formatBytes(2 * 1024 * 1024, 'en')).toBe('2.0 MiB');
    expect(formatBytesWithExact(1, 'en')).toBe('1 byte');
    expect(formatBytesWithExact(1000, 'en')).toBe('1,000 bytes');
    expect(formatBytesWithExact(603_696_942, 'en')).toBe('575.7 MiB (603,696,942 bytes)');
    expect(formatBytesWithExact(1_048_575, 'en')).toBe('1024.0 KiB (1,048,575 bytes)');
    expect(formatBytesWithExact(3 * 1024 ** 3, 'en')).toBe('3.00 GiB (3,221,225,472 bytes)');
    expect(formatSpeed(512, 'en')).toBe('512 byte/s');
    expect(formatSpeed(2_000_000, 'en')).toBe('2.0 MB/s');
    expect(formatSpeed(2_500_000, 'en')).toBe('2.5 MB/s');
    expect(formatSpeed(45_000_000, 'en')).toBe('45 MB/s');
    expect(formatRate(0, 'en')).toBe('0');
    expect(formatRate(1.25, 'en')).toBe('1.3');
    expect(formatRate(12.4, 'en')).toBe('12');
  });

  it('durations and ages', () => {
    expect(formatDuration(45_400, 'en')).toBe('45 s');
    expect(formatDuration(65_000, 'en')).toBe('1 min 05 s');
    expect(formatDuration(200_000, 'en')).toBe('3 min 20 s');
    expect(formatDuration(3_900_000, 'en')).toBe('1 h 05 min');
    expect(formatDurationAgo(300, 'en')).toBe('just now');
    expect(formatDurationAgo(200_000, 'en')).toBe('3 min 20 s ago');
    expect(formatDurationAgo(12_000, 'en')).toBe('12 s ago');
    expect(formatRelativeAge(0, 'en')).toBe('just now');
    expect(formatRelativeAge(-3_000, 'en')).toBe('just now');
    expect(formatRelativeAge(4_999, 'en')).toBe('just now');
    expect(formatRelativeAge(12_400, 'en')).toBe('12 seconds ago');
    expect(formatRelativeAge(60_000, 'en')).toBe('1 minute ago');
    expect(formatRelativeAge(59 * 60_000, 'en')).toBe('59 minutes ago');
    expect(formatRelativeAge(3 * 3_600_000, 'en')).toBe('3 hours ago');
    expect(formatRelativeAge(47 * 3_600_000, 'en')).toBe('47 hours ago');
    expect(formatRelativeAge(49 * 3_600_000, 'en')).toBe('2 days ago');
  });

  it('lists', () => {
    expect(formatList(['a.bin', 'b.bin'], 'and', 'en')).toBe('a.bin and b.bin');
    expect(formatList(['DJI Dock 2', 'Mavic 3D', 'M30'], 'or', 'en')).toBe('DJI Dock 2, Mavic 3D, or M30');
    expect(formatList(['DOCK1 1.0', 'AC1 2.0'], 'plain', 'en')).toBe('DOCK1 1.0, AC1 2.0');
    expect(formatList(['only'], 'or', 'en')).toBe('only');
  });

  it('dates and times', () => {
    expect(formatClock(at)).toBe('10:20:31.400');
    expect(formatDateTime(at, 'en')).toBe('2026-01-02 10:20:31.400');
    expect(formatDate('2026-03-04T10:00:00Z', 'en')).toBe('2026-03-04');
    expect(formatDate('spring', 'en')).toBe('spring');
    expect(formatDate(null, 'en')).toBe('—');
  });
});

describe('locale formatting, Simplified Chinese', () => {
  it('numbers, percents, sizes and speeds keep the figures and use Chinese words', () => {
    expect(formatNumber(603_696_942, 'zh-CN')).toBe('603,696,942');
    expect(formatPercent(45, 'zh-CN')).toBe('45%');
    expect(formatBytes(1536, 'zh-CN')).toBe('1.5 KiB');
    expect(formatBytesWithExact(603_696_942, 'zh-CN')).toBe('575.7 MiB (603,696,942 字节)');
    expect(formatBytesWithExact(1, 'zh-CN')).toBe('1 字节');
    expect(formatSpeed(2_500_000, 'zh-CN')).toBe('2.5 MB/秒');
  });

  it('durations and ages in Chinese units', () => {
    expect(formatDuration(45_400, 'zh-CN')).toBe('45秒');
    expect(formatDuration(65_000, 'zh-CN')).toBe('1分5秒');
    expect(formatDuration(3_900_000, 'zh-CN')).toBe('1小时5分');
    expect(formatDurationAgo(300, 'zh-CN')).toBe('刚刚');
    expect(formatDurationAgo(200_000, 'zh-CN')).toBe('3分20秒前');
    expect(formatRelativeAge(2_000, 'zh-CN')).toBe('刚刚');
    expect(formatRelativeAge(12_400, 'zh-CN')).toBe('12秒钟前');
    expect(formatRelativeAge(60_000, 'zh-CN')).toBe('1分钟前');
    expect(formatRelativeAge(3 * 3_600_000, 'zh-CN')).toBe('3小时前');
    expect(formatRelativeAge(49 * 3_600_000, 'zh-CN')).toBe('2天前');
  });

  it('lists with Chinese separators', () => {
    expect(formatList(['a.bin', 'b.bin'], 'and', 'zh-CN')).toBe('a.bin和b.bin');
    expect(formatList(['DJI Dock 2', 'Mavic 3D'], 'or', 'zh-CN')).toBe('DJI Dock 2或Mavic 3D');
    expect(formatList(['DOCK1 1.0', 'AC1 2.0', 'RC 3.0'], 'plain', 'zh-CN')).toBe('DOCK1 1.0、AC1 2.0、RC 3.0');
  });

  it('dates in the Chinese order with slashes', () => {
    expect(formatDateTime(at, 'zh-CN')).toBe('2026/01/02 10:20:31.400');
    expect(formatDate('2026-03-04T10:00:00Z', 'zh-CN')).toBe('2026/03/04');
  });
});
