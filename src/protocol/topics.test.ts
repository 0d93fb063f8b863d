import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSn } from './sn.ts';
import {
  REPLY_FAMILY,
  SUBSCRIPTION_FILTERS,
  TOPIC_FAMILIES,
  eventsReplyTopic,
  eventsTopic,
  osdTopic,
  parseTopic,
  servicesReplyTopic,
  servicesTopic,
  stateTopic,
  statusReplyTopic,
  statusTopic,
  topicProblem,
} from './topics.ts';

describe('topic builders', () => {
  it('build the documented topics', () => {
    expect(servicesTopic('DOCK1')).toBe('thing/product/DOCK1/services');
    expect(servicesReplyTopic('DOCK1')).toBe('thing/product/DOCK1/services_reply');
    expect(eventsTopic('DOCK1')).toBe('thing/product/DOCK1/events');
    expect(eventsReplyTopic('DOCK1')).toBe('thing/product/DOCK1/events_reply');
    expect(statusTopic('DOCK1')).toBe('sys/product/DOCK1/status');
    expect(statusReplyTopic('DOCK1')).toBe('sys/product/DOCK1/status_reply');
    expect(stateTopic('AIRCRAFT-7')).toBe('thing/product/AIRCRAFT-7/state');
    expect(osdTopic('AIRCRAFT-7')).toBe('thing/product/AIRCRAFT-7/osd');
  });

  it('round trip through parseTopic for every family', () => {
    const builders = [
      servicesTopic,
      servicesReplyTopic,
      eventsTopic,
      eventsReplyTopic,
      statusTopic,
      statusReplyTopic,
      stateTopic,
      osdTopic,
    ];
    const families = builders.map((build) => parseTopic(build('NM1923221021'))?.family);
    expect(families).toEqual([...TOPIC_FAMILIES]);
    for (const build of builders) expect(parseTopic(build('NM1923221021'))?.sn).toBe('NM1923221021');
  });
});

describe('parseTopic', () => {
  it.each([
    'thing/product/DOCK1',
    'thing/product/DOCK1/events/extra',
    'thing/product//events',
    'sys/product/DOCK1/events', // events live under thing/
    'thing/product/DOCK1/status', // status lives under sys/
    'thing/device/DOCK1/events',
    'thing/product/DOCK1/requests',
    'thing/product/DOCK1/property/set',
    'thing/product/+/events',
    'thing/product/#',
    'thing/product/DO CK/events',
    'thing/product/DOCK1/__proto__',
    'thing/product/DOCK1/constructor',
    '',
  ])('returns null for %j', (topic) => {
    expect(parseTopic(topic)).toBeNull();
    expect(topicProblem(topic)).not.toBeNull();
  });

  it('explains an unsafe SN separately from a foreign topic', () => {
    expect(topicProblem('thing/product/DO CK/events')).toBe(
      "topic SN is not valid: SN contains a space; only letters, digits, '-' and '_' are allowed",
    );
    expect(topicProblem('thing/product/DOCK1/requests')).toBe('topic "thing/product/DOCK1/requests" is not an OTA console topic');
    expect(topicProblem('thing/product/DOCK1/events')).toBeNull();
  });

  it('survives a non-string topic at runtime', () => {
    expect(parseTopic(undefined as unknown as string)).toBeNull();
  });

  it('reads any topic as splitting it at every / would (property)', () => {
    const roots: Record<string, string> = {
      services: 'thing',
      services_reply: 'thing',
      events: 'thing',
      events_reply: 'thing',
      state: 'thing',
      osd: 'thing',
      status: 'sys',
      status_reply: 'sys',
    };
    const bySplit = (topic: string) => {
      const parts = topic.split('/');
      if (parts.length !== 4) return null;
      const [root, product, sn, family] = parts as [string, string, string, string];
      if (product !== 'product' || !Object.hasOwn(roots, family) || roots[family] !== root || !isValidSn(sn)) return null;
      return { family, sn };
    };
    const piece = fc.constantFrom(
      'thing',
      'sys',
      'product',
      'events',
      'status',
      'osd',
      'services_reply',
      'DOCK1',
      '',
      'x',
      'thingy',
      'productx',
      'constructor',
      '__proto__',
      '/',
    );
    const topic = fc.oneof(
      fc.array(piece, { maxLength: 6 }).map((p) => p.join('/')),
      fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
      fc.string(),
    );
    fc.assert(
      fc.property(topic, (t) => {
        expect(parseTopic(t)).toEqual(bySplit(t));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('SUBSCRIPTION_FILTERS', () => {
  it('are exactly the six filters the console needs', () => {
    expect([...SUBSCRIPTION_FILTERS].sort()).toEqual(
      [
        'thing/product/+/services',
        'thing/product/+/services_reply',
        'thing/product/+/events',
        'sys/product/+/status',
        'thing/product/+/state',
        'thing/product/+/osd',
      ].sort(),
    );
  });

  it('each match the topic a builder makes, with the + in the SN position', () => {
    const byFamily = {
      services: servicesTopic,
      services_reply: servicesReplyTopic,
      events: eventsTopic,
      status: statusTopic,
      state: stateTopic,
      osd: osdTopic,
    };
    for (const filter of SUBSCRIPTION_FILTERS) {
      const family = filter.split('/')[3] as keyof typeof byFamily;
      expect(byFamily[family]('SN1').replace('/SN1/', '/+/')).toBe(filter);
    }
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(SUBSCRIPTION_FILTERS)).toBe(true);
  });
});

describe('REPLY_FAMILY', () => {
  it('sends event answers to events_reply and status answers to status_reply', () => {
    expect(REPLY_FAMILY.events).toBe('events_reply');
    expect(REPLY_FAMILY.status).toBe('status_reply');
    expect(REPLY_FAMILY.services_reply).toBeUndefined();
  });
});
