// The clothes chosen for the try-on (?upper= and ?lower= product ids, as the product page's
// "Try it on" links them), each as its product card, either of two left out on request;
// none yet points to the catalog.
import { createResource, For, Match, Show, Switch } from "solid-js";
import { fetchProduct, isUnknownProduct } from "../../api/catalog";
import { ProductCard, ProductCardSkeleton } from "../../components/product/ProductCard";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";

export function SelectedClothes(props: { upper?: string; lower?: string; onRemove: (slot: "upper" | "lower") => void }) {
  const picks = () => {
    const chosen: { label: MessageKey; id: string; slot: "upper" | "lower" }[] = [];
    if (props.upper) chosen.push({ label: "tryOn.clothes.upper", id: props.upper, slot: "upper" });
    if (props.lower) chosen.push({ label: "tryOn.clothes.lower", id: props.lower, slot: "lower" });
    return chosen;
  };

  return (
    <Show
      when={picks().length}
      fallback={
        <div class="selected-clothes__none">
          <p>{t("tryOn.clothes.none")}</p>
          <a class="button" href="/catalog">
            {t("tryOn.clothes.browse")}
          </a>
        </div>
      }
    >
      <ul class="selected-clothes" role="list">
        <For each={picks()}>
          {(pick) => (
            <li>
              <div class="selected-clothes__head">
                <h3 class="selected-clothes__label">{t(pick.label)}</h3>
                {/* Two pieces selected: either can be left out to try the other alone. */}
                <Show when={picks().length > 1}>
                  <button type="button" class="button button--quiet selected-clothes__remove" onClick={() => props.onRemove(pick.slot)}>
                    {t("tryOn.clothes.remove")}
                  </button>
                </Show>
              </div>
              <SelectedItem id={pick.id} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function SelectedItem(props: { id: string }) {
  const [product, { refetch }] = createResource(() => props.id, fetchProduct);
  return (
    <Switch fallback={<ProductCardSkeleton />}>
      <Match when={isUnknownProduct(product.error)}>
        <p class="notice notice--error">{t("product.notFound.title")}</p>
      </Match>
      <Match when={product.error}>
        <div class="notice notice--error" role="alert">
          <p>
            {t("product.loadFailed")} {errorText(product.error)}
          </p>
          <button type="button" class="button" onClick={() => void refetch()}>
            {t("retry")}
          </button>
        </div>
      </Match>
      <Match when={product.state === "ready" && product()}>{(p) => <ProductCard product={p()} />}</Match>
    </Switch>
  );
}
