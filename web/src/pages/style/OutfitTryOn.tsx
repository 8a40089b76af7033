// "Try on this outfit": the coordinator's outfit on the try-on page, the top (or the dress)
// as the upper garment and the bottom as the lower one, and the room it came from.
import { useParams } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { cachedProducts } from "../../catalog/product-cache";
import { tryOnPath } from "../../catalog/try-on-path";
import { Icon } from "../../components/Icon";
import { t } from "../../i18n/lang";

export function OutfitTryOn(props: { ids: string[] }) {
  const [outfit] = createResource(() => [...props.ids], cachedProducts);
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
