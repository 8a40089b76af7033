// Products asked for by id, each fetched once per visit: a chat shows the same products under
// several answers and again after a reload of the room. A failed fetch is forgotten, so the
// next ask tries again; the oldest entries make way past a few hundred.
import { fetchProduct, type Product } from "../api/catalog";

const LIMIT = 300;
const cache = new Map<string, Promise<Product>>();

export function cachedProduct(id: string): Promise<Product> {
  const known = cache.get(id);
  if (known) return known;
  const fetching = fetchProduct(id);
  cache.set(id, fetching);
  fetching.catch(() => cache.delete(id));
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return fetching;
}
