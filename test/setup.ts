// Runs in the Workers runtime before each test file: applies the D1 migrations and checks
// they produced the schema (an empty migration list would otherwise pass silently).
import { applyD1Migrations, type D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";

const testEnv = env as Env & { TEST_MIGRATIONS: D1Migration[] };

if (testEnv.TEST_MIGRATIONS.length === 0) throw new Error("no D1 migrations were read from ./migrations");
await applyD1Migrations(testEnv.DB, testEnv.TEST_MIGRATIONS);
const tables = await testEnv.DB.prepare("select name from sqlite_master where type = 'table' and name in ('users', 'products_fts')").all();
if (tables.results.length !== 2) throw new Error("D1 migrations did not create the expected tables");
