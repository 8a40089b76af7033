// The catalog endpoints and the product shape they answer with (mirrors the Product schema in
// worker/routes/products.ts). The catalog is public; the calls still go through api().
import { api, ApiError } from "./client";

export type Product = {
  product_id: string;
  product_name: string;
  product_name_en: string;
  brand: string;
  comprehensive_description: string;
  comprehensive_description_en: string;
  style_tags: string[];
  style_tags_en: string[];
  tpo_tags: string[];
  tpo_tags_en: string[];
  image_url: string;
  price: number;
  currency: "KRW";
  colors: { name: string; hex: string }[];
  gender: "women" | "men" | "any";
  category: string;
  category_name: { ko: string; en: string };
  subcategory: string;
  subcategory_name: { ko: string; en: string };
  pattern: string;
  material: string;
  fit: string;
  seasons: string[];
};

export type SearchPage = { products: Product[]; total: number; next_cursor: string | null };

/** One page of results; `query` holds the search's own parameters (q, category, color, …). */
export const searchProducts = (query: URLSearchParams, signal?: AbortSignal) =>
  api<SearchPage>(`/api/products/search?${query}`, signal ? { signal } : {});

/** A product id the catalog does not have: missing (404), or not an id at all (400). */
export const isUnknownProduct = (err: unknown) => err instanceof ApiError && (err.status === 404 || err.status === 400);

export const fetchProduct = (id: string) => api<Product>(`/api/products/${encodeURIComponent(id)}`);
