// "Try on this outfit": the coordinator's outfit on the try-on page, the top (or the dress)
// as the upper garment and the bottom as the lower one, and the room it came from.
import { useParams } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import type { Product } from "../../api/catalog";
import { cachedProduct } from "../../catalog/product-cache";
import { Icon } from "../../components/Icon";
import { t } from "../../i18n/lang";

function tryOnPath(outfit: Product[], roomId: string | undefined): string | null {
  const first = (category: string) => outfit.find((p) => p.category === category);
  const dress = first("dress");
  const upper = dress ?? first("top") ?? first("outer");
  const lower = dress ? undefined : first("bottom");
  const query = new URLSearchParams();
  if (upper) query.set("upper", upper.product_id);
  if (lower) query.set("lower", lower.product_id);
  if (!query.size) return null;
  // The room hears when the try-on is done (another tab of the chat shows it).
  if (roomId) query.set("room", roomId);
  return `/try-on?${query}`;
}

export function OutfitTryOn(props: { ids: string[] }) {
  const [outfit] = createResource(() => [...props.ids], (ids) => Promise.all(ids.map(cachedProduct)));
  const params = useParams<{ roomId?: string }>();
  const path = () => (outfit.state === "ready" ? tryOnPath(outfit(), params.roomId) : null);
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
