// One catalog product as it is imported (JSONL/CSV rows, the demo generator's output) and
// stored: field names, the controlled vocabulary, and the checks every row must pass.
// Shared by the import command (Node) and the Worker, so imports use explicit extensions.
import { z } from "zod";
import { PATTERNS, SEASONS, STYLE_TAGS, SUBCATEGORIES, TPO_TAGS, type Subcategory } from "./vocabulary.ts";

const tagList = <T extends string>(values: readonly T[], what: string) =>
  z
    .array(z.string().trim())
    .min(1, `at least one ${what}`)
    .max(12)
    .transform((tags, ctx) => {
      const unknown = tags.filter((t) => !values.includes(t as T));
      if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown ${what}: ${unknown.join(", ")} (known: ${values.join(", ")})` });
      return [...new Set(tags)] as T[];
    });

export const ProductRow = z
  .object({
    product_id: z.string().regex(/^\d{4,12}$/, "a numeric string of 4–12 digits"),
    name_ko: z.string().trim().min(1).max(120),
    name_en: z.string().trim().min(1).max(120),
    brand: z.string().trim().min(1).max(60),
    gender: z.enum(["women", "men", "any"]),
    subcategory: z.enum(Object.keys(SUBCATEGORIES) as [Subcategory, ...Subcategory[]]),
    colors: z
      .array(z.object({ name: z.string().trim().min(1).max(40), hex: z.string().regex(/^#[0-9a-fA-F]{6}$/, "a #rrggbb color") }))
      .min(1)
      .max(4),
    pattern: z.enum(Object.keys(PATTERNS) as [keyof typeof PATTERNS, ...(keyof typeof PATTERNS)[]]),
    material: z.string().trim().min(1).max(60),
    fit: z.string().trim().min(1).max(40),
    seasons: tagList(Object.keys(SEASONS) as (keyof typeof SEASONS)[], "season"),
    price: z.number().int().min(1000).max(50_000_000),
    style_tags: tagList(Object.keys(STYLE_TAGS) as (keyof typeof STYLE_TAGS)[], "style tag"),
    tpo_tags: tagList(Object.keys(TPO_TAGS) as (keyof typeof TPO_TAGS)[], "TPO tag"),
    comprehensive_description: z.string().trim().min(10).max(2000),
    comprehensive_description_en: z.string().trim().min(10).max(2000),
    /** Where the garment image comes from: an http(s) URL or a local file path (import only). */
    image_url: z.string().url().optional(),
    image_file: z.string().min(1).optional(),
  })
  .strict();

export type ProductRow = z.infer<typeof ProductRow>;

export function categoryOf(subcategory: Subcategory) {
  return SUBCATEGORIES[subcategory].category;
}

