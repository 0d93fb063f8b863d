import { describe, expect, it } from 'vitest';
import { connectionTrouble } from './connection-trouble';

describe('connectionTrouble', () => {
  it('sends credential refusals to Settings, under MQTT 3.1.1 and 5 alike', () => {
    for (const code of [4, 5, 0x86, 0x87, 0x8c]) expect(connectionTrouble({ kind: 'connack', code })).toBe('notAuthorized');
    expect(connectionTrouble({ kind: 'disconnected', code: 0x87 })).toBe('notAuthorized');
  });

  it('calls other CONNACK refusals and socket failures refused', () => {
    expect(connectionTrouble({ kind: 'connack', code: 3 })).toBe('refused');
    expect(connectionTrouble({ kind: 'connack', code: 0x85 })).toBe('refused');
    expect(connectionTrouble({ kind: 'transport', code: 'ECONNREFUSED' })).toBe('refused');
    expect(connectionTrouble({ kind: 'refused' })).toBe('refused');
    expect(connectionTrouble({ kind: 'closedBeforeConnack' })).toBe('refused');
    expect(connectionTrouble({ kind: 'subscriptionsRefused', filters: ['a/#'], all: true })).toBe('refused');
  });

  it('calls a dropped connection lost, and some refused subscriptions no trouble of the connection', () => {
    expect(connectionTrouble({ kind: 'lost' })).toBe('lost');
    expect(connectionTrouble({ kind: 'disconnected', code: 0x8e })).toBe('lost');
    expect(connectionTrouble({ kind: 'text', text: 'boom' })).toBe('lost');
    expect(connectionTrouble({ kind: 'subscriptionsRefused', filters: ['a/#'], all: false })).toBeNull();
    expect(connectionTrouble(null)).toBeNull();
  });
});
