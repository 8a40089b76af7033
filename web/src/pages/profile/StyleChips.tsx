// Preferred styles as toggle chips (checkboxes). The values are the catalog's Korean tags;
// tags saved earlier that this list does not know are shown and kept, never silently lost.
import { For } from "solid-js";
import { STYLE_TAGS } from "../../api/auth";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";

const KNOWN: readonly string[] = STYLE_TAGS;

const label = (tag: string) => (KNOWN.includes(tag) ? t(`styleTag.${tag}` as MessageKey) : tag);

export function StyleChips(props: { selected: string[]; onChange: (selected: string[]) => void }) {
  const choices = () => [...KNOWN, ...props.selected.filter((tag) => !KNOWN.includes(tag))];

  function toggle(tag: string, on: boolean) {
    const next = new Set(props.selected);
    if (on) next.add(tag);
    else next.delete(tag);
    props.onChange(choices().filter((choice) => next.has(choice)));
  }

  return (
    <fieldset class="fieldset" aria-describedby="styles-hint">
      <legend class="fieldset__legend">{t("profile.styles")}</legend>
      <p id="styles-hint" class="field__hint">
        {t("profile.styles.hint")}
      </p>
      <div class="pills">
        <For each={choices()}>
          {(tag) => (
            <label class="pill pill--chip">
              <input
                type="checkbox"
                name="preferredStyles"
                value={tag}
                checked={props.selected.includes(tag)}
                onChange={(e) => toggle(tag, e.currentTarget.checked)}
              />
              <span lang={KNOWN.includes(tag) ? undefined : "ko"}>{label(tag)}</span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
