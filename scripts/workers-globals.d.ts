// The few Workers binding types that Node-side tools (seed, import, benchmarks) hold through
// Wrangler's platform proxy, as globals like in the Worker, without the whole Workers runtime
// typing (which would clash with Node's own fetch and streams).
import type * as Workers from "@cloudflare/workers-types/index.ts";

declare global {
  type D1Database = Workers.D1Database;
  type D1PreparedStatement = Workers.D1PreparedStatement;
  type R2Bucket = Workers.R2Bucket;
  type R2ListOptions = Workers.R2ListOptions;
  type KVNamespace = Workers.KVNamespace;
}
