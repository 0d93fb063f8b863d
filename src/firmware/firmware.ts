/** Where a firmware entry came from: the published catalog, or typed in on this browser. */
export type FirmwareSource = 'catalog' | 'manual';

/**
 * One firmware package the console can send, already validated: `fileUrl` is absolute http(s),
 * `md5` is lowercase hex, `fileSize` a positive integer. Field meanings follow the catalog format
 * (docs/operations.md) and the ota_create device fields (docs/protocol.md).
 */
export interface Firmware {
  /** Unique across sources (`catalog:<id>` / `manual:<id>`), stable across reloads. */
  key: string;
  id: string;
  source: FirmwareSource;
  /** Model key like '3-2-0'; null means the package targets the gateway itself. */
  model: string | null;
  productName: string;
  productVersion: string;
  fileName: string;
  fileUrl: string;
  fileSize: number;
  md5: string;
  releaseNotes: string;
  /** As published (ISO 8601 expected); null when the catalog gives none. */
  releasedAt: string | null;
}
