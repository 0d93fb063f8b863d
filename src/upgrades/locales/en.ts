/** The 'upgrades' namespace in English. Empty until this folder's strings are converted (see /work/notes/i18n-convention.md). */
export const en = {} as const;
