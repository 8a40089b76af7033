// One product in the seed's shape, read through the KV cache (`product_id:{id}`), and the
// catalog images served from R2.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedProduct } from "../../scripts/catalog/generate.ts";
import type { PublicProduct } from "../../worker/catalog/products";
import { Browser } from "../client";
import { seedCatalog } from "./seed";

let catalog: GeneratedProduct[];

beforeAll(async () => {
  catalog = await seedCatalog(120);
});

describe("GET /api/chat/product/{productId}", () => {
  it("answers in the seed's shape, plus image, price and colors", async () => {
    const p = catalog[7]!;
    const { res, body } = await new Browser().json<PublicProduct>(`/api/chat/product/${p.product_id}`);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "success", message: "요청 성공" });
    expect(body.data).toMatchObject({
      product_name: p.name_ko,
      comprehensive_description: p.comprehensive_description,
      style_tags: p.style_tags,
      tpo_tags: p.tpo_tags,
      price: p.price,
      colors: p.colors,
      image_url: `/api/images/catalog/${p.product_id}.png`,
    });
  });

  it("fills the cache on a miss and serves the cache on a hit", async () => {
    const p = catalog[11]!;
    const key = `product_id:${p.product_id}`;
    expect(await env.PRODUCTS.get(key)).toBeNull();
    await new Browser().fetch(`/api/chat/product/${p.product_id}`).then((r) => r.text());
    const cached = await env.PRODUCTS.get<PublicProduct>(key, "json");
    expect(cached?.product_name).toBe(p.name_ko);

    // A hit does not touch D1: change the row behind the cache's back and still see the cached copy.
    await env.DB.prepare("update products set name_ko = 'changed' where id = ?").bind(p.product_id).run();
    const hit = await new Browser().json<PublicProduct>(`/api/chat/product/${p.product_id}`);
    expect(hit.body.data.product_name).toBe(p.name_ko);

    // Invalidation (what an import does) makes the next read see D1 again.
    await env.PRODUCTS.delete(key);
    const miss = await new Browser().json<PublicProduct>(`/api/products/${p.product_id}`);
    expect(miss.body.data.product_name).toBe("changed");
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    expect((await new Browser().fetch("/api/chat/product/999")).status).toBe(404);
    const bad = await new Browser().json("/api/chat/product/abc");
    expect(bad.res.status).toBe(400);
    expect(bad.body.message).toMatch(/^productId: /);
  });
});

describe("images", () => {
  it("serves catalog images to anyone, with caching headers and revalidation", async () => {
    await env.IMAGES.put("catalog/4000001.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { httpMetadata: { contentType: "image/png" } });
    const res = await new Browser().fetch("/api/images/catalog/4000001.png");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toContain("public");
    const etag = res.headers.get("etag")!;
    await res.arrayBuffer();
    const again = await new Browser().fetch("/api/images/catalog/4000001.png", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("serves a user's image only to that user", async () => {
    const owner = new Browser();
    const { userId } = await owner.devLogin("Image Owner");
    const key = `users/${userId}/uploads/photo.png`;
    await env.IMAGES.put(key, new Uint8Array([1, 2, 3]), { httpMetadata: { contentType: "image/png" } });

    const mine = await owner.fetch(`/api/images/${key}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toContain("private");
    await mine.arrayBuffer();

    const stranger = new Browser();
    await stranger.devLogin("Image Stranger");
    expect((await stranger.fetch(`/api/images/${key}`)).status).toBe(404);
    expect((await new Browser().fetch(`/api/images/${key}`)).status).toBe(401);
    expect((await new Browser().fetch("/api/images/other/thing.png")).status).toBe(404);
  });
});
