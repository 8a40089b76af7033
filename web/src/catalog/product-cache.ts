// Products asked for by id, each fetched once per visit: a chat shows the same products under
// several answers and again after a reload of the room. A failed fetch is forgotten, so the
// next ask tries again; the oldest entries make way past a few hundred. A product already in
// is handed over as it is, not as a promise, so that a card whose product is known renders
// once, whole, rather than as a placeholder first and again a moment later.
import { fetchProduct, type Product } from "../api/catalog";

const LIMIT = 300;
const cache = new Map<string, Promise<Product>>();
const arrived = new Map<string, Product>();

export function cachedProduct(id: string): Product | Promise<Product> {
  const known = arrived.get(id) ?? cache.get(id);
  if (known) return known;
  const fetching = fetchProduct(id);
  cache.set(id, fetching);
  fetching.then(
    (product) => cache.has(id) && arrived.set(id, product),
    () => cache.delete(id),
  );
  if (cache.size > LIMIT) {
    const oldest = cache.keys().next().value!;
    cache.delete(oldest);
    arrived.delete(oldest);
  }
  return fetching;
}

/** Several products, as they are if all are in, else once all have arrived. */
export function cachedProducts(ids: string[]): Product[] | Promise<Product[]> {
  const each = ids.map(cachedProduct);
  return each.every((p): p is Product => !(p instanceof Promise)) ? each : Promise.all(each);
}
