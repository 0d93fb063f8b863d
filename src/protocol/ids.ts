import { v4 as uuidv4 } from 'uuid';

/** Where builders get ids and time; tests pass a fixed one. */
export interface IdSource {
  uuid(): string;
  now(): number;
}

// crypto.randomUUID only exists in secure contexts; consoles are often served over plain http
// on a LAN address, so ids come from the uuid package.
export const defaultIds: IdSource = {
  uuid: () => uuidv4(),
  now: () => Date.now(),
};
