import { z } from 'zod';

// Zod 4 compiles object parsers with `new Function` when it may, and first probes whether it may:
// under the built app's Content-Security-Policy (no 'unsafe-eval') that probe is refused and
// reported as a securitypolicyviolation. The policy forces the interpreted parsers anyway, so
// choosing them up front changes no behaviour and keeps the violation log clean.
//
// The one module with an effect at import, and bootstrap.ts imports it first: zod probes when a
// schema is built, and schemas are built as their modules load, before any start-up function runs.
z.config({ jitless: true });
