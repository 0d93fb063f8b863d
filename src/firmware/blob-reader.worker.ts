import type { BlobReaderReply, BlobReaderRequest, RelayPort } from './blob-relay-messages';
import { serveBlobReads } from './blob-relay-reader';

// The DOM lib types `self` as a Window; a dedicated worker scope has this port shape.
serveBlobReads(self as unknown as RelayPort<BlobReaderRequest, BlobReaderReply>);
