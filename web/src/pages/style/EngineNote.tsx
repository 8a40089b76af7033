// Which engine wrote an answer, small under it: the offline stylist, or the provider and model.
import { Show } from "solid-js";
import { t } from "../../i18n/lang";

const PROVIDERS: Record<string, string> = { openai: "OpenAI", anthropic: "Anthropic" };

function engineLabel(engine: string | null, model: string | null): string | null {
  if (!engine) return null;
  if (engine === "local") return t("chat.engine.local");
  return [PROVIDERS[engine] ?? engine, model].filter(Boolean).join(" ");
}

export function EngineNote(props: { engine: string | null; model: string | null }) {
  return (
    <Show when={engineLabel(props.engine, props.model)}>
      {(label) => (
        <p class="engine-note">
          <span class="visually-hidden">{t("chat.engine.label")} </span>
          {label()}
        </p>
      )}
    </Show>
  );
}
