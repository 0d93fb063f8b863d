import { v4 as uuidv4 } from 'uuid';
import { z } from 'zod';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { MODEL_KEY_PATTERN } from './catalog-entry-schema';
import type { Firmware } from './firmware';
import type { ManualFirmwareInput } from './manual-firmware-validation';
import { fileNameProblem, isFileSize, isHttpUrl, isMd5, versionTextProblem } from '../protocol/validation';

export const MANUAL_FIRMWARE_STORAGE_KEY = 'ota-console:manual-firmware';
/** Newest first; older entries drop off so storage stays small whatever an operator does. */
export const MAX_MANUAL_FIRMWARE = 50;

// What another version of the app (or a hand edit) left in storage is re-checked, entry by entry.
const storedEntrySchema = z.object({
  id: z.string().min(1).max(64),
  model: z.string().regex(MODEL_KEY_PATTERN).nullable(),
  productName: z.string().max(200),
  productVersion: z.string().refine((v) => versionTextProblem(v) === null),
  fileName: z.string().refine((v) => fileNameProblem(v) === null),
  fileUrl: z.string().refine(isHttpUrl),
  fileSize: z.number().refine(isFileSize),
  md5: z.string().refine(isMd5),
  releasedAt: z.string().nullable(),
});
type StoredEntry = z.infer<typeof storedEntrySchema>;

function toFirmware(entry: StoredEntry): Firmware {
  return { ...entry, key: `manual:${entry.id}`, source: 'manual', releaseNotes: '' };
}

function toStored(f: Firmware): StoredEntry {
  return {
    id: f.id,
    model: f.model,
    productName: f.productName,
    productVersion: f.productVersion,
    fileName: f.fileName,
    fileUrl: f.fileUrl,
    fileSize: f.fileSize,
    md5: f.md5,
    releasedAt: f.releasedAt,
  };
}

// Storage throws when site data is blocked or full: manual entries then live for this page only.
export function readManualFirmware(storage: Storage | null): Firmware[] {
  let text: string | null;
  try {
    text = storage?.getItem(MANUAL_FIRMWARE_STORAGE_KEY) ?? null;
  } catch {
    return [];
  }
  if (text === null) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const entries: Firmware[] = [];
  for (const item of raw.slice(0, MAX_MANUAL_FIRMWARE)) {
    const parsed = storedEntrySchema.safeParse(item);
    if (parsed.success) entries.push(toFirmware(parsed.data));
  }
  return entries;
}

function write(storage: Storage | null, entries: readonly Firmware[]): void {
  try {
    storage?.setItem(MANUAL_FIRMWARE_STORAGE_KEY, JSON.stringify(entries.map(toStored)));
  } catch {
    // see readManualFirmware
  }
}

const sameFile = (a: Firmware, b: ManualFirmwareInput) =>
  a.fileUrl === b.fileUrl && a.md5 === b.md5 && a.model === b.model && a.productVersion === b.productVersion;

export interface ManualFirmwareState {
  entries: Firmware[];
  /** Re-adding the same file (URL, MD5, model, version) replaces the old entry instead of duplicating it. */
  manualFirmwareAdded(input: ManualFirmwareInput): Firmware;
  manualFirmwareRemoved(key: string): void;
}

export type ManualFirmwareStore = StoreApi<ManualFirmwareState>;

export function createManualFirmwareStore(
  storage: Storage | null,
  newId: () => string = uuidv4,
  now: () => number = Date.now,
): ManualFirmwareStore {
  return createStore<ManualFirmwareState>((set, get) => ({
    entries: readManualFirmware(storage),
    manualFirmwareAdded(input) {
      const entry: Firmware = {
        ...input,
        id: newId(),
        key: '',
        source: 'manual',
        releaseNotes: '',
        releasedAt: new Date(now()).toISOString(),
      };
      entry.key = `manual:${entry.id}`;
      const entries = [entry, ...get().entries.filter((e) => !sameFile(e, input))].slice(0, MAX_MANUAL_FIRMWARE);
      write(storage, entries);
      set({ entries });
      return entry;
    },
    manualFirmwareRemoved(key) {
      const entries = get().entries.filter((e) => e.key !== key);
      write(storage, entries);
      set({ entries });
    },
  }));
}
