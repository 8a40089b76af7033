// The D1/R2/KV bindings a catalog script writes to, through Wrangler's platform proxy:
// the local state the dev server uses (.wrangler/state), or — with `remote` — the deployed
// resources of a wrangler environment, via Wrangler's remote bindings (needs `wrangler
// login`). A config with only those three bindings is derived from wrangler.toml, so the
// proxy neither loads the Worker nor warns about its Durable Objects.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "smol-toml";
import { getPlatformProxy } from "wrangler";
import type { CatalogBindings } from "./write.ts";

type Section = Record<string, unknown>;

function catalogConfig(environment: string | undefined): string {
  const root = parse(readFileSync("wrangler.toml", "utf8")) as Section & { env?: Record<string, Section> };
  const section = environment ? root.env?.[environment] : root;
  if (!section) throw new Error(`wrangler.toml has no [env.${environment}]`);
  const pick = (list: unknown, binding: string) => {
    const found = (list as Section[] | undefined)?.find((b) => b.binding === binding);
    if (!found) throw new Error(`${environment ? `[env.${environment}]` : "wrangler.toml"} declares no ${binding} binding`);
    return environment ? { ...found, remote: true } : found;
  };
  const config = {
    name: section.name ?? root.name,
    compatibility_date: root.compatibility_date,
    d1_databases: [pick(section.d1_databases, "DB")],
    r2_buckets: [pick(section.r2_buckets, "IMAGES")],
    kv_namespaces: [pick(section.kv_namespaces, "PRODUCTS")],
  };
  mkdirSync(".wrangler", { recursive: true });
  const path = `.wrangler/catalog-bindings.${environment ?? "local"}.json`;
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

export async function openBindings(opts: { remote?: string; persistTo?: string }) {
  const proxy = await getPlatformProxy<CatalogBindings>({
    configPath: catalogConfig(opts.remote),
    ...(opts.remote ? { remoteBindings: true } : { persist: { path: resolve(opts.persistTo ?? ".wrangler/state/v3") }, remoteBindings: false }),
    envFiles: [],
  });
  return { env: proxy.env, close: () => proxy.dispose() };
}
