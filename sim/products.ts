// The products the simulator knows: the model keys of docs/protocol.md, the firmware the demo catalog
// offers for each line, and older versions the simulated fleet starts from. One table so the
// catalog and the fleet agree on what is "newer".

export interface ProductLine {
  /** Short id used in file names and catalog ids. */
  slug: string;
  /** Model keys (domain-type-sub_type) that take this line's firmware. */
  models: readonly { key: string; productName: string }[];
  kind: 'dock' | 'aircraft';
  latestVersion: string;
  olderVersions: readonly string[];
  /** File size relative to --firmware-mb, so the files are not all the same length. */
  sizeFactor: number;
  releasedAt: string;
  releaseNotes: string;
}

export const PRODUCT_LINES: readonly ProductLine[] = [
  {
    slug: 'dock',
    models: [{ key: '3-1-0', productName: 'DJI Dock' }],
    kind: 'dock',
    latestVersion: '10.01.1612',
    olderVersions: ['09.01.0206', '09.02.0401', '10.00.0903'],
    sizeFactor: 1.0,
    releasedAt: '2025-03-11T08:00:00Z',
    releaseNotes: 'Improves charging stability in cold weather; fixes a rare cover-motor timeout.',
  },
  {
    slug: 'dock2',
    models: [{ key: '3-2-0', productName: 'DJI Dock 2' }],
    kind: 'dock',
    latestVersion: '10.02.0308',
    olderVersions: ['10.00.0804', '10.01.0206'],
    sizeFactor: 0.93,
    releasedAt: '2025-05-20T08:00:00Z',
    releaseNotes: 'Adds RTK base-station health reporting; faster network recovery after power loss.',
  },
  {
    slug: 'dock3',
    models: [{ key: '3-3-0', productName: 'DJI Dock 3' }],
    kind: 'dock',
    latestVersion: '11.01.0208',
    olderVersions: ['11.00.0110', '11.00.0302'],
    sizeFactor: 1.12,
    releasedAt: '2025-07-02T08:00:00Z',
    releaseNotes: 'Supports Matrice 4TD night landing aids; PSDK payload upgrade fixes.',
  },
  {
    slug: 'm30',
    models: [
      { key: '0-67-0', productName: 'Matrice 30' },
      { key: '0-67-1', productName: 'Matrice 30T' },
    ],
    kind: 'aircraft',
    latestVersion: '09.00.0108',
    olderVersions: ['07.01.0009', '08.00.0105', '08.01.0002'],
    sizeFactor: 0.81,
    releasedAt: '2025-02-14T08:00:00Z',
    releaseNotes: 'Obstacle sensing improvements at dusk; battery self-heating tuning.',
  },
  {
    slug: 'm3d',
    models: [
      { key: '0-91-0', productName: 'Mavic 3D' },
      { key: '0-91-1', productName: 'Mavic 3TD' },
    ],
    kind: 'aircraft',
    latestVersion: '10.02.0104',
    olderVersions: ['10.00.0305', '10.01.0501'],
    sizeFactor: 0.74,
    releasedAt: '2025-05-20T08:00:00Z',
    releaseNotes: 'Thermal camera palette fixes; improved return-to-dock precision.',
  },
  {
    slug: 'm4d',
    models: [
      { key: '0-100-0', productName: 'Matrice 4D' },
      { key: '0-100-1', productName: 'Matrice 4TD' },
    ],
    kind: 'aircraft',
    latestVersion: '11.01.0309',
    olderVersions: ['11.00.0217'],
    sizeFactor: 0.88,
    releasedAt: '2025-07-02T08:00:00Z',
    releaseNotes: 'Laser range finder accuracy; smoother gimbal start-up.',
  },
];

/** The deliberately broken catalog entry: real bytes, wrong md5, so a dock ends in VERIFY_FAILED. */
export const CORRUPT_BUILD = {
  slug: 'dock2',
  version: '10.02.9999',
  releaseNotes: 'Corrupt build for testing VERIFY_FAILED: the catalog md5 does not match the file.',
  releasedAt: '2025-06-01T08:00:00Z',
} as const;
