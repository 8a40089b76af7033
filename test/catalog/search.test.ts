// Catalog search through GET /api/products/search: Korean and English, filters, ranking,
// variety and cursor pagination, over the generated demo catalog.
import { beforeAll, describe, expect, it } from "vitest";
import type { PublicProduct } from "../../worker/catalog/products";
import { Browser } from "../client";
import { seedCatalog } from "./seed";

type Page = { products: PublicProduct[]; total: number; next_cursor: string | null };

async function search(query: string) {
  const { res, body } = await new Browser().json<Page>(`/api/products/search?${query}`);
  return { status: res.status, page: body.data, message: body.message };
}

beforeAll(async () => {
  await seedCatalog(600);
});

describe("product search", () => {
  it("finds Korean words inside longer Korean words (bigram index)", async () => {
    const { page } = await search(`q=${encodeURIComponent("셔츠")}&limit=50`);
    expect(page.total).toBeGreaterThan(10);
    // "셔츠" is a word of its own in "…반팔 셔츠" and inside "폴로 셔츠", "셔츠 원피스"
    for (const p of page.products) expect(p.product_name).toContain("셔츠");
  });

  it("ranks products matching more of a Korean query first", async () => {
    const { page } = await search(`q=${encodeURIComponent("면접 블레이저")}&limit=10`);
    const top = page.products.slice(0, 5);
    for (const p of top) {
      expect(p.subcategory).toBe("blazer");
      expect(p.tpo_tags).toContain("면접");
    }
  });

  it("understands English, plurals included", async () => {
    const { page } = await search("q=navy%20blazers&limit=5");
    expect(page.products[0]!.subcategory).toBe("blazer");
    expect(page.products[0]!.colors[0]!.name).toBe("네이비");
  });

  it("applies every filter as a hard constraint", async () => {
    const { page } = await search(`category=bottom&max_price=60000&tpo=${encodeURIComponent("출근")}&gender=women&limit=50`);
    expect(page.total).toBeGreaterThan(0);
    for (const p of page.products) {
      expect(p.category).toBe("bottom");
      expect(p.price).toBeLessThanOrEqual(60000);
      expect(p.tpo_tags).toContain("출근");
      expect(["women", "any"]).toContain(p.gender);
    }
    const navy = await search("color=navy&season=winter&limit=50");
    for (const p of navy.page.products) {
      expect(p.colors.map((c) => c.name)).toContain("네이비");
      expect(p.seasons).toContain("winter");
    }
    const styled = await search(`style=${encodeURIComponent("미니멀")}&min_price=100000&limit=50`);
    for (const p of styled.page.products) {
      expect(p.style_tags).toContain("미니멀");
      expect(p.price).toBeGreaterThanOrEqual(100000);
    }
  });

  it("honours exclusions the stylists pass as hard constraints (no skirts, no suede, no white)", async () => {
    const { env } = await import("cloudflare:workers");
    const { searchProducts } = await import("../../worker/catalog/search");
    const page = await searchProducts(
      env.DB,
      { categories: ["bottom", "shoes"], excludeSubcategories: ["pencil_skirt", "a_line_skirt", "pleated_skirt"], excludeMaterials: ["스웨이드"], excludeColors: ["white", "아이보리"] },
      { limit: 50 },
    );
    expect(page.total).toBeGreaterThan(20);
    for (const p of page.products) {
      expect(p.subcategory).not.toMatch(/skirt/);
      expect(p.material).not.toBe("스웨이드");
      expect(["화이트", "아이보리"]).not.toContain(p.colors[0]!.name);
    }
    const onlyExcluding = await searchProducts(env.DB, { excludeSubcategories: ["sneakers"] }, { limit: 5 });
    const notSneakers = await env.DB.prepare("select count(*) as n from products where subcategory != 'sneakers'").first<{ n: number }>();
    expect(onlyExcluding.total).toBe(notSneakers!.n);
  });

  it("mixes a page instead of listing near-identical items", async () => {
    const { page } = await search(`q=${encodeURIComponent("데일리")}&limit=10`);
    expect(new Set(page.products.map((p) => p.subcategory)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(page.products.map((p) => p.brand)).size).toBeGreaterThanOrEqual(5);
  });

  it("pages through every result once with the cursor", async () => {
    const first = await search(`q=${encodeURIComponent("니트")}&limit=7`);
    const seen: string[] = first.page.products.map((p) => p.product_id);
    let cursor = first.page.next_cursor;
    while (cursor) {
      const next = await search(`q=${encodeURIComponent("니트")}&limit=7&cursor=${cursor}`);
      seen.push(...next.page.products.map((p) => p.product_id));
      cursor = next.page.next_cursor;
    }
    expect(seen.length).toBe(first.page.total);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("answers a query with nothing searchable by browsing", async () => {
    const { status, page } = await search(`q=${encodeURIComponent("!!! ???")}&limit=3`);
    expect(status).toBe(200);
    expect(page.products.length).toBe(3);
  });

  it("names the bad parameter", async () => {
    expect((await search("category=hats")).message).toMatch(/^category: unknown category: hats/);
    expect((await search("min_price=90000&max_price=10000")).message).toMatch(/^min_price: /);
    expect((await search("limit=500")).status).toBe(400);
    expect((await search("season=monsoon")).status).toBe(400);
  });
});
