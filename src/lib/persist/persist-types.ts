/** Shapes shared by the kit and its writer, in a file of their own so neither imports the other for them. */
export type PersistFailure = 'unsupported' | 'open-failed' | 'quota' | 'write-failed';

export interface CollectionSpec<T> {
  readonly store: string;
  /** The stored record: the value plus any fields an index reads. Called at write time only. */
  encode(value: T): object;
  /** A stored record back as a value, or null when it does not check out. */
  decode(record: unknown): T | null;
  /** The value to write for a changed key: undefined deletes the record, null leaves it as it is. */
  current(key: string): T | null | undefined;
  /**
   * Keys changed since the last call, asked once per write (a diff of the store against what was
   * written). `full` is false for the periodic writes, where a collection may hold minor changes
   * back for a later one (change-pacer.ts); a flush asks with true and writes everything.
   */
  dirtyKeys?(full: boolean): Iterable<string>;
  /** ms until held-back changes should be asked for again, null when none are held (ChangePacer.askAgainIn). */
  askAgainIn?(): number | null;
}
