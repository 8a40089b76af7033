// `npm run dev`: everything a fresh clone needs to run Debut locally, idempotently —
// a .dev.vars with a random JWT secret, the local D1 migrations, the demo catalog and
// knowledge base (seeded once, skipped when unchanged), then one vite dev server
// serving the SPA and the Worker (workerd) on http://localhost:${PORT:-8787}.
import { spawn, spawnSync } from "node:child_process";
import { ensureDevVars } from "./dev-vars.ts";

process.env.WRANGLER_SEND_METRICS ??= "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

ensureDevVars();

const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "-c", "wrangler.toml"], {
  stdio: "inherit",
  env: { ...process.env, CI: "true" }, // no interactive confirmation
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const seed = spawnSync(process.execPath, ["scripts/seed.ts"], { stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const vite = spawn("vite", ["dev", ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => vite.kill(signal));
vite.on("exit", (code) => process.exit(code ?? 0));
