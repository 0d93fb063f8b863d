import { describe, expect, it } from 'vitest';
import { brokerErrorMessage, brokerErrorText, errorState, shownBrokerError } from './broker-error.ts';
import type { BrokerErrorInfo } from './connection-store.ts';

/** A stand-in language that shows which key and values were asked for. */

describe('brokerErrorText (the English stored as lastError)', () => {
  it.each<[BrokerErrorInfo, string]>([
    [{ kind: 'connack', code: 4 }, 'Bad username or password'],
    [{ kind: 'connack', code: 0x86 }, 'Bad username or password'],
    [{ kind: 'connack', code: 0x87 }, 'Not authorized'],
    [{ kind: 'connack', code: 0x99 }, 'Refused (code 153)'],
    [{ kind: 'transport', code: 'ECONNREFUSED' }, 'Connection refused'],
    [{ kind: 'transport', code: 'ENOTFOUND' }, 'Broker host not found'],
    [{ kind: 'transport', code: 'EPIPE' }, 'Connection failed (EPIPE)'],
    [{ kind: 'refused' }, 'Connection refused'],
    [{ kind: 'closedBeforeConnack' }, 'Connection closed before CONNACK'],
    [{ kind: 'lost' }, 'Connection lost'],
    [
      { kind: 'subscriptionsRefused', filters: ['a/+/b', 'c/#'], all: true },
      'Subscriptions refused by the broker (check the ACL): a/+/b, c/#',
    ],
    [{ kind: 'subscriptionsRefused', filters: ['a/+/b'], all: false }, 'Subscription refused by the broker (check the ACL): a/+/b'],
    [{ kind: 'disconnected', code: 0x8e }, 'Disconnected by the broker: Session taken over'],
    [{ kind: 'text', text: 'keepalive timeout' }, 'keepalive timeout'],
  ])('%j reads %s', (info, text) => {
    expect(brokerErrorText(info)).toBe(text);
  });
});

describe('brokerErrorMessage', () => {
  it('names the reason, so codes that mean the same share one key', () => {
    expect(brokerErrorMessage({ kind: 'connack', code: 4 })).toEqual({ ns: 'common', key: 'brokerError.connack.badCredentials' });
    expect(brokerErrorMessage({ kind: 'connack', code: 0x86 })).toEqual({ ns: 'common', key: 'brokerError.connack.badCredentials' });
    expect(brokerErrorMessage({ kind: 'connack', code: 1 })).toEqual({
      ns: 'common',
      key: 'brokerError.connack.unacceptableProtocolVersion',
    });
    expect(brokerErrorMessage({ kind: 'connack', code: 0x84 })).toEqual({
      ns: 'common',
      key: 'brokerError.connack.unsupportedProtocolVersion',
    });
  });

  it('carries the code of an unknown refusal or transport failure as a value', () => {
    expect(brokerErrorMessage({ kind: 'connack', code: 0x99 })).toEqual({
      ns: 'common',
      key: 'brokerError.connack.unknown',
      values: { code: '153' },
    });
    expect(brokerErrorMessage({ kind: 'transport', code: 'EPIPE' })).toEqual({
      ns: 'common',
      key: 'brokerError.transport.unknown',
      values: { code: 'EPIPE' },
    });
  });

  it('does not take a code from the prototype for a known reason', () => {
    expect(brokerErrorMessage({ kind: 'transport', code: 'toString' })).toEqual({
      ns: 'common',
      key: 'brokerError.transport.unknown',
      values: { code: 'toString' },
    });
  });

  it('says a DISCONNECT reason inside the sentence, in the same language', () => {
    expect(brokerErrorMessage({ kind: 'disconnected', code: 0x87 })).toEqual({
      ns: 'common',
      key: 'brokerError.disconnected',
      values: { reason: { ns: 'common', key: 'brokerError.connack.notAuthorized' } },
    });
  });

  it('lists refused filters as sent', () => {
    expect(brokerErrorMessage({ kind: 'subscriptionsRefused', filters: ['x/+', 'y/#'], all: true })).toEqual({
      ns: 'common',
      key: 'brokerError.subscriptionsRefused.all',
      values: { filters: 'x/+, y/#' },
    });
  });

  it('keeps an error it has no words for as its text, untranslated', () => {
    expect(brokerErrorMessage({ kind: 'text', text: 'socket hang up' })).toBe('socket hang up');
  });
});

describe('shownBrokerError', () => {
  it('says the stored data as a message, worded in the language of the screen', () => {
    expect(shownBrokerError(errorState({ kind: 'lost' }))).toEqual({ ns: 'common', key: 'brokerError.lost' });
  });

  it('shows the stored text when there is no data (a store written with lastError only)', () => {
    expect(shownBrokerError({ lastError: 'Connection refused', lastErrorInfo: null })).toBe('Connection refused');
  });

  it('shows nothing without an error', () => {
    expect(shownBrokerError(errorState(null))).toBeNull();
  });
});

describe('errorState', () => {
  it('writes the text and the data together, and clears both', () => {
    expect(errorState({ kind: 'connack', code: 5 })).toEqual({ lastError: 'Not authorized', lastErrorInfo: { kind: 'connack', code: 5 } });
    expect(errorState(null)).toEqual({ lastError: null, lastErrorInfo: null });
  });
});
