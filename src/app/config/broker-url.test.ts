import { describe, expect, it } from 'vitest';
import { brokerUrlProblem } from './broker-url';

describe('brokerUrlProblem', () => {
  it.each(['ws://localhost:8083/mqtt', 'wss://broker.example.com/mqtt', 'WSS://Broker.example.com', '/mqtt', '/'])('accepts %s', (url) => {
    expect(brokerUrlProblem(url)).toBeNull();
  });

  it.each([
    ['http://localhost:8083/mqtt', /ws:\/\/ or wss:\/\//],
    ['mqtt://localhost:1883', /ws:\/\/ or wss:\/\//],
    ['localhost:8083', /ws:\/\/ or wss:\/\//],
    ['mqtt', /ws:\/\/ or wss:\/\//],
    ['', /Enter a broker URL/],
    ['//evil.example/mqtt', /single "\/"/],
    ['ws://', /not a valid URL|no host/],
  ])('rejects %s', (url, message) => {
    expect(brokerUrlProblem(url)).toMatch(message);
  });
});
