// Runs the app's Worker in workerd through Miniflare's API directly (no dev proxy in front,
// see BENCHMARKS.md), with in-memory D1/KV/R2 and the migrations applied, and offers the
// timing helpers every benchmark uses.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

const BUILD_DIR = "bench/.build";

export async function startApp(vars: Record<string, string> = {}) {
  const built = spawnSync("wrangler", ["deploy", "--dry-run", "--outdir", BUILD_DIR, "-c", "wrangler.toml"], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (built.status !== 0) throw new Error(`bundling failed:\n${built.stderr}`);
  const { workerOptions } = unstable_getMiniflareWorkerOptions("wrangler.toml");
  const { assets: _assets, modulesRules: _rules, ...options } = workerOptions as typeof workerOptions & { assets?: unknown; modulesRules?: unknown };
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      ...options,
      modules: true,
      scriptPath: `${BUILD_DIR}/index.js`,
      bindings: { ...(options.bindings ?? {}), APP_ENV: "test", DEV_LOGIN: "true", JWT_SECRET: "bench-secret-that-is-at-least-32-bytes!!", ...vars },
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  await mf.ready;
  const env = await mf.getBindings<{ DB: D1Database; PRODUCTS: KVNamespace }>();
  const db = env.DB;
  for (const file of readdirSync("migrations").filter((f) => f.endsWith(".sql")).sort()) {
    for (const statement of readFileSync(`migrations/${file}`, "utf8").split("--> statement-breakpoint")) {
      const sql = statement.replace(/^\s*--.*$/gm, "").trim();
      if (sql) await db.prepare(sql).run();
    }
  }
  return { mf, db, kv: env.PRODUCTS };
}

export type Stats = { n: number; p50: number; p99: number; mean: number };

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
