/** Absolute path of the mosquitto binary to run, or null when none is installed. */
export function findMosquitto(): string | null;
/** Absolute path of the Chromium binary Playwright drives, or null when none is installed. */
export function findChromium(): string | null;
export const DEBIAN_PACKAGES: { readonly mosquitto: string; readonly chromium: string };
