/**
 * The shape a translation must have: the English resource's exact keys, every leaf a string.
 * `const zh: Translation<typeof en> = {...}` makes a missing key, an extra key, or a nested object
 * where English has a string a type error, so no language silently falls back to English.
 */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};
