// The try-on tests' pictures (test/images/people.ts), and garments stored in R2 under the
// products' image keys as the seed script stores the drawn ones.
import { env } from "cloudflare:workers";
import { garmentPng } from "../images/people";

export * from "../images/people";

export async function storeGarment(imageKey: string, category: "top" | "bottom" | "dress" | "outer", rgb: [number, number, number]) {
  await env.IMAGES.put(imageKey, garmentPng(category, rgb), { httpMetadata: { contentType: "image/png" } });
}

