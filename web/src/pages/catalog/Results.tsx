// The results of the search: how many, the product grid (skeletons while the first page
// loads), more pages on demand or as the end of the grid comes into view, and what to do
// when nothing matches or the request failed.
import { For, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import { formatCount } from "../../catalog/labels";
import { ProductCard, ProductCardSkeleton } from "../../components/product/ProductCard";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import type { createProductPages } from "./product-pages";

type Pages = ReturnType<typeof createProductPages>;

const SKELETONS = 8;

export function Results(props: { pages: Pages; onClearAll: () => void }) {
  const pages = props.pages;
  const empty = () => pages.products().length === 0;
  const count = () => {
    if (!empty()) return formatCount(pages.total());
    if (pages.status() === "loading") return t("loading");
    return pages.status() === "failed" ? "" : formatCount(0);
  };

  return (
    <section class="results" aria-labelledby="results-title">
      <h2 id="results-title" class="visually-hidden">
        {t("catalog.results")}
      </h2>
      <p class="results__count" role="status" data-testid="result-count">
        {count()}
      </p>
      <Switch>
        <Match when={empty() && pages.status() === "loading"}>
          <div class="product-grid" aria-hidden="true">
            <For each={Array.from({ length: SKELETONS })}>{() => <ProductCardSkeleton />}</For>
          </div>
        </Match>
        <Match when={empty() && pages.status() === "failed"}>
          <LoadFailed error={pages.failure()} onRetry={pages.retry} />
        </Match>
        <Match when={empty()}>
          <div class="results__empty">
            <h3>{t("catalog.empty.title")}</h3>
            <p>{t("catalog.empty.body")}</p>
            <button type="button" class="button" onClick={props.onClearAll}>
              {t("catalog.empty.clear")}
            </button>
          </div>
        </Match>
        <Match when={!empty()}>
          <ul class="product-grid" role="list">
            <For each={pages.products()}>
              {(product) => (
                <li>
                  <ProductCard product={product} />
                </li>
              )}
            </For>
          </ul>
          <Show when={pages.status() === "failed"}>
            <LoadFailed error={pages.failure()} onRetry={pages.retry} />
          </Show>
          <Show when={pages.hasMore() && pages.status() !== "failed"}>
            <LoadMore busy={pages.status() === "loading"} onLoad={pages.loadMore} />
          </Show>
        </Match>
      </Switch>
    </section>
  );
}

function LoadFailed(props: { error: unknown; onRetry: () => void }) {
  return (
    <div class="notice notice--error results__failed" role="alert">
      <p>
        {t("catalog.error")} {errorText(props.error)}
      </p>
      <button type="button" class="button" onClick={() => props.onRetry()}>
        {t("retry")}
      </button>
    </div>
  );
}

/** A button, pressed by itself when it comes near the viewport (infinite scroll). */
function LoadMore(props: { busy: boolean; onLoad: () => void }) {
  let button!: HTMLButtonElement;
  onMount(() => {
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && props.onLoad(), { rootMargin: "400px 0px" });
    observer.observe(button);
    onCleanup(() => observer.disconnect());
  });
  return (
    <div class="results__more">
      <button ref={button} type="button" class="button" disabled={props.busy} onClick={() => props.onLoad()}>
        {props.busy ? t("loading") : t("catalog.loadMore")}
      </button>
    </div>
  );
}
