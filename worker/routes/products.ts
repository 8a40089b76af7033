// Catalog API: search with filters (/api/products/search) and one product in the seed's
// shape (/api/chat/product/{productId}, the seed's path, and /api/products/{productId}).
// The catalog is public: no user data here.
import { createRoute, z } from "@hono/zod-openapi";
import { getProduct, publicProduct } from "../catalog/products";
import { searchProducts } from "../catalog/search";
import { CATEGORIES, SEASONS, STYLE_TAGS, SUBCATEGORIES, TPO_TAGS, type Category, type Subcategory } from "../catalog/vocabulary";
import { ok } from "../http/envelope";
import { AppError } from "../http/errors";
import { router } from "../http/hono";
import { envelope, errors } from "../http/openapi";
import { record } from "../metrics/record";

const products = router();

const Product = z
  .object({
    product_id: z.string(),
    product_name: z.string(),
    product_name_en: z.string(),
    brand: z.string(),
    comprehensive_description: z.string(),
    comprehensive_description_en: z.string(),
    style_tags: z.array(z.string()),
    style_tags_en: z.array(z.string()),
    tpo_tags: z.array(z.string()),
    tpo_tags_en: z.array(z.string()),
    image_url: z.string(),
    product_url: z.string(),
    price: z.number().int(),
    currency: z.literal("KRW"),
    colors: z.array(z.object({ name: z.string(), hex: z.string() })),
    gender: z.enum(["women", "men", "any"]),
    category: z.string(),
    category_name: z.object({ ko: z.string(), en: z.string() }),
    subcategory: z.string(),
    subcategory_name: z.object({ ko: z.string(), en: z.string() }),
    pattern: z.string(),
    material: z.string(),
    fit: z.string(),
    seasons: z.array(z.string()),
  })
  .openapi("Product");

const csv = <T extends string>(values: readonly T[], name: string) =>
  z
    .string()
    .max(300)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const items = v.split(",").map((s) => s.trim()).filter(Boolean);
      const bad = items.filter((i) => !values.includes(i as T));
      if (bad.length) ctx.addIssue({ code: "custom", message: `unknown ${name}: ${bad.join(", ")}` });
      return items as T[];
    })
    .openapi({ description: `Comma-separated ${name} values: ${values.join(", ")}` });

const price = z.coerce.number().int().min(0).max(50_000_000).optional();

const SearchQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    category: csv(Object.keys(CATEGORIES) as Category[], "category"),
    subcategory: csv(Object.keys(SUBCATEGORIES) as Subcategory[], "subcategory"),
    gender: z.enum(["women", "men"]).optional(),
    color: z.string().max(200).optional().transform((v) => v?.split(",").map((s) => s.trim()).filter(Boolean)),
    style: csv(Object.keys(STYLE_TAGS) as (keyof typeof STYLE_TAGS)[], "style tag"),
    tpo: csv(Object.keys(TPO_TAGS) as (keyof typeof TPO_TAGS)[], "TPO tag"),
    season: z.enum(Object.keys(SEASONS) as [keyof typeof SEASONS, ...(keyof typeof SEASONS)[]]).optional(),
    min_price: price,
    max_price: price,
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(200).optional(),
  })
  .refine((q) => q.min_price === undefined || q.max_price === undefined || q.min_price <= q.max_price, {
    message: "min_price must not exceed max_price",
    path: ["min_price"],
  });

products.openapi(
  createRoute({
    method: "get",
    path: "/api/products/search",
    tags: ["Catalog"],
    summary: "Search the catalog (Korean and English) with filters; cursor pagination",
    request: { query: SearchQuery },
    responses: {
      200: envelope(z.object({ products: z.array(Product), total: z.number().int(), next_cursor: z.string().nullable() }).openapi("SearchResult")),
      400: errors[400],
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const started = Date.now();
    const searched = (outcome: "ok" | "failed", results = 0, total = 0) =>
      record(c.env, { kind: "product_search", source: "api", outcome, ms: Date.now() - started, results, misses: 1, hits: 0, total });
    const page = await searchProducts(
      c.env.DB,
      {
        q: q.q,
        categories: q.category,
        subcategories: q.subcategory,
        gender: q.gender,
        colors: q.color,
        styles: q.style,
        tpos: q.tpo,
        season: q.season,
        minPrice: q.min_price,
        maxPrice: q.max_price,
      },
      { limit: q.limit, cursor: q.cursor },
    ).catch((err: unknown) => {
      searched("failed");
      throw err;
    });
    searched("ok", page.products.length, page.total);
    return ok(c, { products: page.products.map(publicProduct), total: page.total, next_cursor: page.nextCursor });
  },
);

const ProductParams = z.object({ productId: z.string().regex(/^\d{1,12}$/, "a numeric product id").openapi({ param: { name: "productId", in: "path" }, example: "4227290" }) });

for (const path of ["/api/chat/product/{productId}", "/api/products/{productId}"] as const) {
  products.openapi(
    createRoute({
      method: "get",
      path,
      tags: ["Catalog"],
      summary: "One product (the seed's shape: product_name, comprehensive_description, style_tags, tpo_tags; plus image, price, colors), cached in KV",
      request: { params: ProductParams },
      responses: { 200: envelope(Product), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const product = await getProduct(c.env, c.req.valid("param").productId, c.executionCtx);
      if (!product) throw new AppError(404, "상품을 찾을 수 없습니다. (Product not found)");
      return ok(c, product);
    },
  );
}

export default products;
