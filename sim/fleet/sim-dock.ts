import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { servicesTopic } from '../../src/protocol/topics.ts';
import type { DockMachine, DockOutput } from './dock-machine.ts';
import type { Downloader } from './downloader.ts';
import { osdMessages, parseServicesRequest, stateMessages, toMessage, topoMessage, type OutboundMessage } from './dock-wire.ts';

export interface SimDockOptions {
  brokerUrl: string;
  username?: string;
  password?: string;
  downloader: Downloader;
  /** This dock's download speed in bytes/s. */
  downloadRate: number;
  topoIntervalMs: number;
  osdIntervalMs: number;
  /** Offsets the periodic messages so a fleet does not publish in lockstep. */
  phaseMs: number;
  log: (line: string) => void;
}

/** A DockMachine on the wire: an MQTT client that behaves like one real dock. */
export class SimDock {
  readonly machine: DockMachine;
  private readonly options: SimDockOptions;
  private client: MqttClient | null = null;
  private download: { bid: string; controller: AbortController } | null = null;
  private nextTopoAt = Number.POSITIVE_INFINITY;
  private nextOsdAt = Number.POSITIVE_INFINITY;

  constructor(machine: DockMachine, options: SimDockOptions) {
    this.machine = machine;
    this.options = options;
  }

  get sn(): string {
    return this.machine.identity.dock.sn;
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  start(): void {
    const options: IClientOptions = {
      clientId: `ota-sim-${this.sn}`,
      protocolVersion: 4,
      clean: true,
      keepalive: 30,
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
      username: this.options.username,
      password: this.options.password,
    };
    const client = connect(this.options.brokerUrl, options);
    this.client = client;
    client.on('connect', () => this.onConnect());
    client.on('message', (topic, payload) => this.onMessage(topic, payload));
    client.on('error', (err) => this.options.log(`${this.sn}: ${err.message}`));
  }

  async stop(): Promise<void> {
    this.download?.controller.abort();
    this.download = null;
    const client = this.client;
    this.client = null;
    if (client) await client.endAsync(true);
  }

  /** Periodic work; the fleet calls it for every dock from one timer. */
  tick(now: number): void {
    this.apply(this.machine.tick(now));
    if (!this.connected) return;
    if (now >= this.nextTopoAt) {
      this.nextTopoAt = now + this.options.topoIntervalMs;
      // state is pushed on change only, so a console that connected later would never learn the
      // versions; repeating every property with the topology lets it catch up.
      this.publish([topoMessage(this.machine.identity), ...stateMessages(this.sn, this.machine.fullState())]);
    }
    if (now >= this.nextOsdAt) {
      this.nextOsdAt = now + this.options.osdIntervalMs;
      this.publish(osdMessages(this.sn, this.machine.osd()), 0);
    }
  }

  private onConnect(): void {
    const client = this.client;
    if (!client) return;
    client.subscribe(servicesTopic(this.sn), { qos: 1 });
    // As a real dock after (re)connecting: topology, then every property, then telemetry.
    this.publish([topoMessage(this.machine.identity), ...stateMessages(this.sn, this.machine.fullState())]);
    this.publish(osdMessages(this.sn, this.machine.osd()), 0);
    const now = Date.now();
    this.nextTopoAt = now + this.options.topoIntervalMs + this.options.phaseMs;
    this.nextOsdAt = now + this.options.osdIntervalMs + (this.options.phaseMs % this.options.osdIntervalMs);
  }

  private onMessage(_topic: string, payload: Buffer): void {
    const request = parseServicesRequest(payload);
    if (!request || request.method !== 'ota_create') return;
    const outputs = this.machine.otaCreate(request, Date.now());
    const reply = outputs.find((o) => o.kind === 'reply');
    if (reply?.kind === 'reply') {
      this.options.log(`${this.sn}: ota_create ${reply.result === 0 ? 'accepted' : `rejected with ${reply.result}`} (bid ${reply.bid})`);
    }
    this.apply(outputs);
  }

  private apply(outputs: DockOutput[]): void {
    const messages: OutboundMessage[] = [];
    for (const output of outputs) {
      if (output.kind === 'download') this.startDownload(output.bid, output.files);
      else if (output.kind === 'abort_download') this.abortDownload(output.bid);
      else {
        if (output.kind === 'progress' && (output.status === 'ok' || output.status === 'failed')) {
          this.options.log(
            `${this.sn}: upgrade ${output.status}${output.status === 'failed' ? ` (${output.subStatus})` : ''} (bid ${output.bid})`,
          );
        }
        const message = toMessage(this.sn, output);
        if (message) messages.push(message);
      }
    }
    this.publish(messages);
  }

  private startDownload(bid: string, files: Parameters<Downloader>[0]['files']): void {
    this.download?.controller.abort();
    const controller = new AbortController();
    this.download = { bid, controller };
    this.options
      .downloader({
        files,
        rate: this.options.downloadRate,
        signal: controller.signal,
        onProgress: (received, total, rate) => this.apply(this.machine.downloadProgress(bid, received, total, rate, Date.now())),
      })
      .then((result) => {
        if (this.download?.bid === bid) this.download = null;
        if (!result.ok && !controller.signal.aborted) this.options.log(`${this.sn}: download failed: ${result.error}`);
        this.apply(this.machine.downloadFinished(bid, result, Date.now()));
      })
      .catch((err: unknown) => this.options.log(`${this.sn}: download crashed: ${String(err)}`));
  }

  private abortDownload(bid: string): void {
    if (this.download?.bid !== bid) return;
    this.download.controller.abort();
    this.download = null;
  }

  private publish(messages: OutboundMessage[], qos: 0 | 1 = 1): void {
    const client = this.client;
    if (!client) return;
    for (const m of messages) client.publish(m.topic, m.payload, { qos });
  }
}
