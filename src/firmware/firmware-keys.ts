/** Query keys of the firmware feature, one factory so invalidation can target any level. */
export const firmwareKeys = {
  all: ['firmware'] as const,
  catalog: (catalogUrl: string) => [...firmwareKeys.all, 'catalog', catalogUrl] as const,
  preflights: () => [...firmwareKeys.all, 'preflight'] as const,
  /** Keyed by what is checked, so a catalog and a manual entry for the same file share a result. */
  preflight: (target: { fileUrl: string; fileSize: number; md5: string }) =>
    [...firmwareKeys.preflights(), target.fileUrl, target.fileSize, target.md5] as const,
};
