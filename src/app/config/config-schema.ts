import { z } from 'zod';
import { PROTOCOL_VERSION_SETTINGS, type ProtocolVersionSetting } from '../../broker/protocol-version-memory';
import { DEFAULT_CAMPAIGN_NAMESPACE, namespaceProblem } from '../../protocol/campaign-topics';
import { brokerUrlProblem } from './broker-url';

/**
 * One zod schema per key, so a config.json with one wrong value loses only that value:
 * the other keys still apply (see parse-config-object.ts).
 */
export const configFieldSchemas = {
  brokerUrl: z.string().superRefine((value, ctx) => {
    const problem = brokerUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  username: z.string(),
  password: z.string(),
  /** MQTT version: "auto" (the one that worked for this URL, else 5, else 3.1.1), "5" or "3.1.1". */
  protocolVersion: z.preprocess(
    // The number 5 (and 4, MQTT's level for 3.1.1) is what people write in JSON: taken as meant.
    (value) => (value === 5 ? '5' : value === 4 ? '3.1.1' : value),
    z.enum(PROTOCOL_VERSION_SETTINGS, { error: 'use "auto", "5" or "3.1.1"' }),
  ),
  catalogUrl: z.string().min(1, 'must not be empty'),
  readOnly: z.boolean(),
  respondToDevices: z.boolean(),
  kiosk: z.boolean(),
  /** A task with no event for this long (and not terminal) is shown as stalled. */
  stalledAfterSeconds: z.number().int().min(10).max(86_400),
  /** An ota_create without a services_reply after this long becomes "no reply". */
  replyTimeoutSeconds: z.number().int().min(1).max(3_600),
  /** After "ok", how long the device may take to report the target firmware version. */
  verifyGraceSeconds: z.number().int().min(10).max(86_400),
  /** Finished tasks the browser keeps in its history (IndexedDB); the oldest finished go first. */
  taskHistoryLimit: z.number().int().min(2_000).max(1_000_000),
  /** The namespace under which campaigns are kept on the broker (docs/campaigns-on-broker.md). */
  campaignTopic: z.string().superRefine((value, ctx) => {
    const problem = namespaceProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  /** Shown as "Driven by ..." on other consoles; empty: the client id. */
  consoleLabel: z.string().max(100),
  /** Finished campaigns older than this are cleared from the broker. */
  campaignRetentionDays: z.number().int().min(1).max(3_650),
} as const;

export type ConfigKey = keyof typeof configFieldSchemas;

export interface RuntimeConfig {
  brokerUrl: string;
  username: string | undefined;
  password: string | undefined;
  protocolVersion: ProtocolVersionSetting;
  catalogUrl: string;
  readOnly: boolean;
  respondToDevices: boolean;
  kiosk: boolean;
  stalledAfterSeconds: number;
  replyTimeoutSeconds: number;
  verifyGraceSeconds: number;
  taskHistoryLimit: number;
  campaignTopic: string;
  consoleLabel: string;
  campaignRetentionDays: number;
}

/** Values given by one layer (config.json, saved settings, URL query): only what it sets. */
export type ConfigLayer = { [K in ConfigKey]?: Exclude<RuntimeConfig[K], undefined> };

export const DEFAULT_CONFIG: RuntimeConfig = {
  brokerUrl: 'ws://localhost:8083/mqtt',
  username: undefined,
  password: undefined,
  protocolVersion: 'auto',
  catalogUrl: 'firmware/catalog.json',
  readOnly: false,
  respondToDevices: false,
  kiosk: false,
  stalledAfterSeconds: 120,
  replyTimeoutSeconds: 30,
  verifyGraceSeconds: 600,
  taskHistoryLimit: 100_000,
  campaignTopic: DEFAULT_CAMPAIGN_NAMESPACE,
  consoleLabel: '',
  campaignRetentionDays: 90,
};

export const CONFIG_KEYS = Object.keys(configFieldSchemas) as ConfigKey[];

/** Where a value of the effective configuration came from, lowest precedence first. */
export type ConfigSource = 'default' | 'config.json' | 'saved' | 'URL';

/** A rejected value: the key, where it came from, and why. */
export interface ConfigIssue {
  key: string;
  source: Exclude<ConfigSource, 'default'>;
  message: string;
}
