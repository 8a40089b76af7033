// In a room opened for an occasion: "Wear this for <occasion>" under an answer with products,
// which pins them as the occasion's outfit.
import { useParams } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { occasionForRoom, pinOutfit } from "../../api/occasions";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";

export function PinForOccasion(props: { ids: string[] }) {
  const params = useParams<{ roomId?: string }>();
  const roomId = () => (params.roomId && /^\d+$/.test(params.roomId) ? Number(params.roomId) : undefined);
  const [occasion] = createResource(roomId, occasionForRoom);
  const [state, setState] = createSignal<"idle" | "saving" | "pinned">("idle");
  const [problem, setProblem] = createSignal<string | null>(null);
  async function pin(id: string) {
    setState("saving");
    setProblem(null);
    try {
      await pinOutfit(id, props.ids);
      setState("pinned");
    } catch (err) {
      setProblem(errorText(err));
      setState("idle");
    }
  }
  return (
    <Show when={props.ids.length > 0 ? occasion() : undefined}>
      {(o) => (
        <div class="pin-for-occasion">
          <button type="button" class="button" aria-pressed={state() === "pinned"} disabled={state() === "saving"} onClick={() => void pin(o().id)}>
            {t(state() === "pinned" ? "chat.pin.done" : "chat.pin", { title: o().title })}
          </button>
          <Show when={problem()}>
            <span class="answer__why" role="alert">
              {problem()}
            </span>
          </Show>
        </div>
      )}
    </Show>
  );
}
