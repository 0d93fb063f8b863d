import type { z } from 'zod';
import { productName } from '../protocol/models';
import { catalogEntrySchema, type CatalogEntry } from './catalog-entry-schema';
import type { Firmware } from './firmware';
import { englishText } from '../ui/i18n/message';
import { message, type FirmwareMessage } from './firmware-message';

/** A catalog entry the console will not offer, with every reason an operator needs to fix it. */
export interface RejectedCatalogEntry {
  /** 0-based position in the catalog's `firmware` array. */
  index: number;
  /** The entry's id or file name when it has a readable one, for finding it in the file. */
  label: string | null;
  /** In English: they name the catalog's JSON fields and the ota_create field rules, for whoever publishes the catalog. */
  reasons: string[];
}

export interface ParsedCatalog {
  /** The absolute catalog URL relative file URLs were resolved against. */
  catalogUrl: string;
  firmware: Firmware[];
  rejected: RejectedCatalogEntry[];
}

/** The document as a whole is not a catalog: nothing in it can be trusted. */
export class CatalogFormatError extends Error {
  override name = 'CatalogFormatError';
  /** What the screen says, translated at render; `message` is the English sentence. */
  readonly text: FirmwareMessage;
  constructor(text: FirmwareMessage) {
    super(englishText(text));
    this.text = text;
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  return field ? `${field} ${issue.message}` : issue.message;
}

function labelOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, file_name: fileName } = raw as Record<string, unknown>;
  if (typeof id === 'string' && id.trim() !== '') return id.trim().slice(0, 80);
  if (typeof id === 'number') return String(id);
  if (typeof fileName === 'string' && fileName.trim() !== '') return fileName.trim().slice(0, 80);
  return null;
}

function toFirmware(entry: CatalogEntry): Firmware {
  return {
    key: `catalog:${entry.id}`,
    id: entry.id,
    source: 'catalog',
    model: entry.model,
    productName: entry.product_name?.trim() || (entry.model ? (productName(entry.model) ?? entry.model) : 'Gateway'),
    productVersion: entry.product_version,
    fileName: entry.file_name,
    fileUrl: entry.file_url,
    fileSize: entry.file_size,
    md5: entry.md5,
    releaseNotes: entry.release_notes ?? '',
    releasedAt: entry.released_at ?? null,
  };
}

/**
 * Validates each entry on its own: one bad entry is listed with its reasons and the good ones stay
 * usable. Throws CatalogFormatError only when the document is not `{"firmware": [...]}`.
 * `catalogUrl` must be absolute (see resolveCatalogUrl).
 */
export function parseCatalog(document: unknown, catalogUrl: string): ParsedCatalog {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new CatalogFormatError(message('catalog.errors.notObject'));
  }
  const list = (document as Record<string, unknown>).firmware;
  if (!Array.isArray(list)) {
    throw new CatalogFormatError(message('catalog.errors.noList'));
  }
  const schema = catalogEntrySchema(catalogUrl);
  const firmware: Firmware[] = [];
  const rejected: RejectedCatalogEntry[] = [];
  const seenIds = new Set<string>();
  list.forEach((raw: unknown, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      rejected.push({ index, label: null, reasons: ['the entry is not an object'] });
      return;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, label: labelOf(raw), reasons: parsed.error.issues.map(describeIssue) });
      return;
    }
    // Keys must be unique or a choice made on the upgrade screen could silently mean two packages.
    if (seenIds.has(parsed.data.id)) {
      rejected.push({ index, label: parsed.data.id, reasons: [`id ${parsed.data.id} is used by an earlier entry`] });
      return;
    }
    seenIds.add(parsed.data.id);
    firmware.push(toFirmware(parsed.data));
  });
  return { catalogUrl, firmware, rejected };
}
