// The results of one search, page by page: the first page whenever the query changes (an
// older request still on its way is cancelled), then the next one on demand via next_cursor.
import { createEffect, createSignal, on, onCleanup } from "solid-js";
import { searchProducts, type Product } from "../../api/catalog";

const PAGE_SIZE = 24;

export function createProductPages(query: () => string) {
  const [products, setProducts] = createSignal<Product[]>([]);
  const [total, setTotal] = createSignal(0);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<"loading" | "ready" | "failed">("loading");
  const [failure, setFailure] = createSignal<unknown>(null);
  let inFlight: AbortController | undefined;

  async function load(after: string | null) {
    inFlight?.abort();
    const controller = (inFlight = new AbortController());
    setStatus("loading");
    const params = new URLSearchParams(query());
    params.set("limit", String(PAGE_SIZE));
    if (after) params.set("cursor", after);
    try {
      const page = await searchProducts(params, controller.signal);
      setProducts(after ? [...products(), ...page.products] : page.products);
      setTotal(page.total);
      setCursor(page.next_cursor);
      setStatus("ready");
    } catch (err) {
      if (controller.signal.aborted) return;
      setFailure(err);
      setStatus("failed");
    }
  }

  createEffect(
    on(query, () => {
      setProducts([]);
      void load(null);
    }),
  );
  onCleanup(() => inFlight?.abort());

  return {
    products,
    total,
    status,
    failure,
    hasMore: () => cursor() !== null,
    loadMore: () => {
      if (status() === "ready" && cursor()) void load(cursor());
    },
    /** Tries the failed request again: the first page, or the next one. */
    retry: () => void load(products().length ? cursor() : null),
  };
}
