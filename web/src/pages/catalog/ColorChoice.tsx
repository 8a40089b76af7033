// Colors as swatches (checkboxes named by the color); a chosen one gets a ring and a check.
import { For } from "solid-js";
import { COLORS } from "../../catalog/labels";
import { lang, t } from "../../i18n/lang";

const KEYS = Object.keys(COLORS) as (keyof typeof COLORS)[];

export function ColorChoice(props: { selected: string[]; onChange: (selected: string[]) => void }) {
  function toggle(key: string, on: boolean) {
    const next = new Set(props.selected);
    if (on) next.add(key);
    else next.delete(key);
    props.onChange(KEYS.filter((k) => next.has(k)));
  }

  return (
    <fieldset class="fieldset filter">
      <legend class="fieldset__legend filter__legend">{t("catalog.filter.color")}</legend>
      <div class="color-choice">
        <For each={KEYS}>
          {(key) => (
            <label class="color-choice__option" title={COLORS[key][lang()]}>
              <input
                type="checkbox"
                name="color"
                value={key}
                aria-label={COLORS[key][lang()]}
                checked={props.selected.includes(key)}
                onChange={(e) => toggle(key, e.currentTarget.checked)}
              />
              <span class="color-choice__swatch" style={{ "background-color": COLORS[key].hex }} />
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
