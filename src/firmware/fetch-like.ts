/** The part of `fetch` this feature uses; tests pass a fake, the app passes the real one. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const browserFetch: FetchLike = (input, init) => fetch(input, init);

/** True for the error fetch raises when the request was aborted on purpose. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
