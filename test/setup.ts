// Runs in the Workers runtime before each test file: applies the D1 migrations and checks
// they produced the schema (an empty migration list would otherwise pass silently).
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { migrations } from "./db/migrations";

if (migrations.length === 0) throw new Error("no D1 migrations were read from ./migrations");
await applyD1Migrations(env.DB, migrations);
const tables = await env.DB.prepare("select name from sqlite_master where type = 'table' and name in ('users', 'products_fts')").all();
if (tables.results.length !== 2) throw new Error("D1 migrations did not create the expected tables");
