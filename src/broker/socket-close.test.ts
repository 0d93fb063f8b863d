import { describe, expect, it } from 'vitest';
import { brokerErrorMessage, brokerErrorText } from './broker-error.ts';
import { connectionTrouble } from './connection-trouble.ts';
import { describeSocketClose, shownCloseReason, socketCloseMeaning } from './socket-close.ts';

describe('socketCloseMeaning', () => {
  it.each([
    [1002, 'unauthenticated'],
    [1002, 'not_authorized'],
    [1008, 'Not authorized'],
    [1008, 'access_refused'],
    [4001, 'Unauthorized'],
    [1008, 'Bad username or password'],
    [1011, 'authentication failed'],
  ])('reads %i "%s" as a refused login', (code, reason) => {
    expect(socketCloseMeaning({ code, reason })).toBe('notAuthorized');
  });

  it('reads a close with a code or reason that is not about the login as said, and a bare drop as silent', () => {
    expect(socketCloseMeaning({ code: 1002, reason: '' })).toBe('said');
    expect(socketCloseMeaning({ code: 1011, reason: '' })).toBe('said');
    expect(socketCloseMeaning({ code: 1001, reason: 'server shutting down' })).toBe('said');
    expect(socketCloseMeaning({ code: 1000, reason: 'bye' })).toBe('said');
    expect(socketCloseMeaning({ code: 1000, reason: '' })).toBe('silent');
    expect(socketCloseMeaning({ code: 1005, reason: '' })).toBe('silent');
    expect(socketCloseMeaning({ code: 1006, reason: '' })).toBe('silent');
  });
});

describe('a close as the operator reads it', () => {
  it('gives the code and the broker reason, in English and as a message', () => {
    const close = { code: 1002, reason: 'unauthenticated' };
    expect(describeSocketClose(close)).toBe('The broker closed the WebSocket (code 1002: unauthenticated)');
    expect(brokerErrorText({ kind: 'socketClosed', ...close })).toBe('The broker closed the WebSocket (code 1002: unauthenticated)');
    expect(brokerErrorMessage({ kind: 'socketClosed', ...close })).toEqual({
      ns: 'common',
      key: 'brokerError.socketClosed.withReason',
      values: { code: '1002', reason: 'unauthenticated' },
    });
    expect(brokerErrorText({ kind: 'socketClosed', code: 1011, reason: '' })).toBe('The broker closed the WebSocket (code 1011)');
  });

  it('sends a refused login to Settings and any other close to the broker refusing', () => {
    expect(connectionTrouble({ kind: 'socketClosed', code: 1002, reason: 'unauthenticated' })).toBe('notAuthorized');
    expect(connectionTrouble({ kind: 'socketClosed', code: 1002, reason: '' })).toBe('refused');
    expect(connectionTrouble({ kind: 'socketClosed', code: 1011, reason: 'internal error' })).toBe('refused');
  });

  it('keeps a reason printable and short, whatever the broker sent', () => {
    expect(shownCloseReason('bad\u0000\nthing ')).toBe('bad  thing');
    const long = shownCloseReason('x'.repeat(200));
    expect(long).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
  });
});
