// "Try on this outfit": the coordinator's outfit on the try-on page, the top (or the dress)
// as the upper garment and the bottom as the lower one.
import { createResource, Show } from "solid-js";
import type { Product } from "../../api/catalog";
import { cachedProduct } from "../../catalog/product-cache";
import { Icon } from "../../components/Icon";
import { t } from "../../i18n/lang";

function tryOnPath(outfit: Product[]): string | null {
  const first = (category: string) => outfit.find((p) => p.category === category);
  const dress = first("dress");
  const upper = dress ?? first("top") ?? first("outer");
  const lower = dress ? undefined : first("bottom");
  const query = new URLSearchParams();
  if (upper) query.set("upper", upper.product_id);
  if (lower) query.set("lower", lower.product_id);
  return query.size ? `/try-on?${query}` : null;
}

export function OutfitTryOn(props: { ids: string[] }) {
  const [outfit] = createResource(() => [...props.ids], (ids) => Promise.all(ids.map(cachedProduct)));
  const path = () => (outfit.state === "ready" ? tryOnPath(outfit()) : null);
  return (
    <Show when={path()}>
      {(href) => (
        <a class="button button--primary outfit-try-on" href={href()}>
          <Icon name="tryOn" size={18} />
          {t("chat.outfit.tryOn")}
        </a>
      )}
    </Show>
  );
}
