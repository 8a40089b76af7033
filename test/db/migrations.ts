// The D1 migrations as the test pool read them from ./migrations (vitest.config.ts): applied
// before each test file (test/setup.ts), and run again by tests that lay data out as it was
// before a migration and check what the migration makes of it.
import type { D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";

export const migrations: D1Migration[] = (env as Env & { TEST_MIGRATIONS: D1Migration[] }).TEST_MIGRATIONS;

/** The migration whose file name starts with `prefix` ("0006_"). */
export const migrationNamed = (prefix: string): D1Migration | undefined => migrations.find((m) => m.name.startsWith(prefix));

/** Runs one migration's statements on the test D1, in order. */
export async function runMigration(migration: D1Migration): Promise<void> {
  for (const query of migration.queries) await env.DB.prepare(query).run();
}
