import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config-schema';
import { sessionTargetFor } from './session-target';

describe('sessionTargetFor', () => {
  it('connects as operator with the configured broker and credentials', () => {
    expect(sessionTargetFor({ ...DEFAULT_CONFIG, brokerUrl: '/mqtt', username: 'ops', password: 'pw' })).toEqual({
      url: '/mqtt',
      username: 'ops',
      password: 'pw',
      protocolVersion: 'auto',
      readOnly: false,
      respondToDevices: false,
      role: 'operator',
      campaignNamespace: 'ota-console/v1',
      consoleLabel: '',
      campaignRetentionDays: 90,
    });
  });

  it('answers devices only when asked and able to publish', () => {
    expect(sessionTargetFor({ ...DEFAULT_CONFIG, respondToDevices: true }).respondToDevices).toBe(true);
    expect(sessionTargetFor({ ...DEFAULT_CONFIG, respondToDevices: true, readOnly: true }).respondToDevices).toBe(false);
    expect(sessionTargetFor({ ...DEFAULT_CONFIG, respondToDevices: true, kiosk: true }).respondToDevices).toBe(false);
  });

  it('makes kiosk read-only with the kiosk role even when readOnly is off', () => {
    const target = sessionTargetFor({ ...DEFAULT_CONFIG, kiosk: true, readOnly: false });
    expect(target.role).toBe('kiosk');
    expect(target.readOnly).toBe(true);
  });

  it('honours readOnly for an operator', () => {
    expect(sessionTargetFor({ ...DEFAULT_CONFIG, readOnly: true })).toMatchObject({ role: 'operator', readOnly: true });
  });

  it('sends no credentials for empty strings', () => {
    const target = sessionTargetFor({ ...DEFAULT_CONFIG, username: '', password: '' });
    expect(target.username).toBeUndefined();
    expect(target.password).toBeUndefined();
  });
});
