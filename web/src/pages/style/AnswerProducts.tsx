// The products an expert recommends, as product cards that open the product's page. The
// answer names only their ids; each product is fetched once per visit (product-cache.ts).
import { createResource, For, Match, Show, Switch } from "solid-js";
import { cachedProduct } from "../../catalog/product-cache";
import { ProductCard, ProductCardSkeleton } from "../../components/product/ProductCard";
import { t } from "../../i18n/lang";

export function AnswerProducts(props: { ids: string[]; label: string }) {
  return (
    <Show when={props.ids.length > 0}>
      <ul class="answer-products" role="list" aria-label={props.label}>
        <For each={props.ids}>
          {(id) => (
            <li>
              <AnswerProduct id={id} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function AnswerProduct(props: { id: string }) {
  const [product] = createResource(() => props.id, cachedProduct);
  return (
    <Switch fallback={<ProductCardSkeleton />}>
      <Match when={product.error}>
        <p class="answer-products__failed">{t("chat.answer.productFailed")}</p>
      </Match>
      <Match when={product.state === "ready" && product()}>{(p) => <ProductCard product={p()} />}</Match>
    </Switch>
  );
}
