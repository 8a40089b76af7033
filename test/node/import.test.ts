// The catalog import command end to end: a JSONL and a CSV file with good and bad rows are
// imported into a scratch local state; bad rows are reported by line, good rows land in D1,
// their images in R2, and their stale KV cache entries are dropped.
import { spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPlatformProxy } from "wrangler";
import { png } from "../images/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "debut-import-"));
const state = join(dir, "state");

const row = (id: string, extra: Record<string, unknown> = {}) => ({
  product_id: id,
  name_ko: `테스트 셔츠 ${id}`,
  name_en: `TEST SHIRT ${id}`,
  brand: "Import Co",
  gender: "men",
  subcategory: "shirt",
  colors: [{ name: "네이비", hex: "#1f2c4c" }],
  pattern: "solid",
  material: "코튼",
  fit: "레귤러핏",
  seasons: ["spring", "fall"],
  price: 59000,
  style_tags: ["미니멀"],
  tpo_tags: ["출근", "면접"],
  comprehensive_description: "네이비 컬러의 깔끔한 코튼 셔츠입니다. 면접과 출근에 잘 어울립니다.",
  comprehensive_description_en: "A clean navy cotton shirt for interviews and the office.",
  image_file: "shirt.png",
  ...extra,
});

function runImport(file: string) {
  return spawnSync(process.execPath, ["scripts/catalog/import.ts", file, "--persist-to", state], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
}

/** As runImport, without blocking this process (which serves the images over http). */
function runImportAsync(file: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/catalog/import.ts", file, "--persist-to", state], {
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

async function withBindings<T>(fn: (env: { DB: D1Database; IMAGES: R2Bucket; PRODUCTS: KVNamespace }) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<{ DB: D1Database; IMAGES: R2Bucket; PRODUCTS: KVNamespace }>({
    configPath: "wrangler.toml",
    persist: { path: join(state, "v3") },
    remoteBindings: false,
    envFiles: [],
  });
  try {
    return await fn(proxy.env);
  } finally {
    await proxy.dispose();
  }
}

beforeAll(() => {
  writeFileSync(join(dir, "shirt.png"), png(400, 500));
  writeFileSync(join(dir, "fake.png"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run catalog:import", () => {
  it("imports the good rows of a JSONL file and reports the bad ones by line", async () => {
    const lines = [
      JSON.stringify(row("9000001")),
      "{not json",
      JSON.stringify(row("9000002", { tpo_tags: ["면접", "우주여행"] })),
      JSON.stringify(row("9000003", { image_file: undefined })),
      JSON.stringify(row("9000004", { image_file: "fake.png" })),
      JSON.stringify(row("9000005", { price: -3 })),
      JSON.stringify(row("9000006")),
    ];
    writeFileSync(join(dir, "catalog.jsonl"), lines.join("\n"));
    const result = runImport(join(dir, "catalog.jsonl"));
    expect(result.status, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/line 2: not valid JSON/);
    expect(result.stderr).toMatch(/line 3: tpo_tags: unknown TPO tag: 우주여행/);
    expect(result.stderr).toMatch(/line 4: image_url or image_file/);
    expect(result.stderr).toMatch(/line 5: image: not a PNG, JPEG or WebP/);
    expect(result.stderr).toMatch(/line 6: price/);
    expect(result.stdout).toMatch(/imported 2 products/);

    await withBindings(async (env) => {
      const rows = await env.DB.prepare("select id, source, image_key from products order by id").all<{ id: string; source: string; image_key: string }>();
      expect(rows.results).toEqual([
        { id: "9000001", source: "import", image_key: "catalog/9000001.png" },
        { id: "9000006", source: "import", image_key: "catalog/9000006.png" },
      ]);
      const found = await env.DB.prepare("select product_id from products_fts where products_fts match ?").bind('"면접"').all();
      expect(found.results.length).toBe(2);
      const image = await env.IMAGES.get("catalog/9000001.png");
      expect(image?.httpMetadata?.contentType).toBe("image/png");
      await image?.arrayBuffer();
      // A stale cached copy, as a reader might have left it:
      await env.PRODUCTS.put("product_id:9000001", JSON.stringify({ product_name: "old" }));
    });
  });

  it("imports CSV with list and color fields, updating an existing product and invalidating its cache", async () => {
    const header = "product_id,name_ko,name_en,brand,gender,subcategory,colors,pattern,material,fit,seasons,price,style_tags,tpo_tags,comprehensive_description,comprehensive_description_en,image_file";
    const good = `9000001,"새 이름 셔츠","NEW NAME SHIRT",Import Co,men,shirt,"네이비:#1f2c4c|화이트:#f7f7f4",stripe,코튼,슬림핏,spring|summer,"79,000",미니멀|클래식,출근,"스트라이프가 들어간 네이비 셔츠입니다.","A navy shirt with white stripes.",shirt.png`;
    const bad = `9000007,이름,NAME,Brand,alien,shirt,"네이비:#1f2c4c",solid,코튼,레귤러핏,spring,59000,미니멀,출근,"설명이 충분히 깁니다.","Long enough description.",shirt.png`;
    writeFileSync(join(dir, "catalog.csv"), [header, good, bad].join("\n"));
    const result = runImport(join(dir, "catalog.csv"));
    expect(result.status, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/line 3: gender/);

    await withBindings(async (env) => {
      const p = await env.DB.prepare("select name_ko, price, colors, style_tags from products where id = '9000001'").first<Record<string, string | number>>();
      expect(p).toMatchObject({ name_ko: "새 이름 셔츠", price: 79000 });
      expect(JSON.parse(p!.colors as string)).toHaveLength(2);
      expect(await env.PRODUCTS.get("product_id:9000001")).toBeNull();
      const count = await env.DB.prepare("select count(*) as n from products").first<{ n: number }>();
      expect(count?.n).toBe(2);
    });
  });

  it("fetches images from image_url, reporting the rows whose image cannot be had", async () => {
    const served: string[] = [];
    const server: Server = createServer((req, res) => {
      served.push(req.url ?? "");
      if (req.url === "/img/coat.png") res.writeHead(200, { "content-type": "image/png" }).end(png(300, 420));
      else if (req.url === "/img/page.png") res.writeHead(200, { "content-type": "text/html" }).end("<html>not an image</html>");
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const lines = [
        JSON.stringify(row("9000010", { image_file: undefined, image_url: `${base}/img/coat.png` })),
        JSON.stringify(row("9000011", { image_file: undefined, image_url: `${base}/img/gone.png` })),
        JSON.stringify(row("9000012", { image_file: undefined, image_url: `${base}/img/page.png` })),
      ];
      writeFileSync(join(dir, "remote.jsonl"), lines.join("\n"));
      const result = await runImportAsync(join(dir, "remote.jsonl"));
      expect(result.status, result.stderr).toBe(3);
      expect(result.stderr).toMatch(/line 2: image_url: answered 404/);
      expect(result.stderr).toMatch(/line 3: image: not a PNG, JPEG or WebP/);
      expect(result.stdout).toMatch(/imported 1 product/);
      expect(served).toEqual(expect.arrayContaining(["/img/coat.png", "/img/gone.png", "/img/page.png"]));
    } finally {
      server.close();
    }
    await withBindings(async (env) => {
      const image = await env.IMAGES.get("catalog/9000010.png");
      expect(image?.httpMetadata?.contentType).toBe("image/png");
      expect(new Uint8Array(await image!.arrayBuffer())).toEqual(new Uint8Array(png(300, 420)));
      expect(await env.DB.prepare("select id from products where id in ('9000011', '9000012')").all().then((r) => r.results)).toEqual([]);
    });
  });

  it("exits 1 when no row can be imported", () => {
    writeFileSync(join(dir, "empty.jsonl"), "{}\n");
    expect(runImport(join(dir, "empty.jsonl")).status).toBe(1);
  });
});
