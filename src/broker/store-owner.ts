/** Which session last took each store: only that one writes to it. */
const owners = new WeakMap<object, symbol>();

/**
 * Makes the caller the one writer of `store` and returns a check that stays true until another
 * session claims it. A session being replaced may still be closing: it must not overwrite its
 * successor's state.
 */
export function claimStore(store: object, name: string): () => boolean {
  const owner = Symbol(name);
  owners.set(store, owner);
  return () => owners.get(store) === owner;
}
