// Minimum and maximum price in won, applied when a field is left or Enter is pressed; a
// minimum above the maximum is explained and not applied.
import { createEffect, createSignal, Show } from "solid-js";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";

/** A whole, non-negative number of won, or "" for no bound. */
const won = (text: string) => (text.trim() === "" || !Number.isFinite(Number(text)) ? "" : String(Math.max(0, Math.floor(Number(text)))));

export function PriceRange(props: { min: string; max: string; onChange: (min: string, max: string) => void }) {
  const [min, setMin] = createSignal(props.min);
  const [max, setMax] = createSignal(props.max);
  createEffect(() => setMin(props.min));
  createEffect(() => setMax(props.max));

  const invalid = () => won(min()) !== "" && won(max()) !== "" && Number(won(min())) > Number(won(max()));

  function apply() {
    if (invalid()) return;
    if (won(min()) !== props.min || won(max()) !== props.max) props.onChange(won(min()), won(max()));
  }

  const field = (label: MessageKey, value: () => string, setValue: (value: string) => void) => (
    <input
      class="input"
      type="number"
      inputmode="numeric"
      min="0"
      step="1000"
      aria-label={t(label)}
      placeholder={t(label)}
      value={value()}
      aria-invalid={invalid()}
      aria-describedby={invalid() ? "price-error" : undefined}
      onInput={(e) => setValue(e.currentTarget.value)}
      onChange={apply}
    />
  );

  return (
    <fieldset class="fieldset filter">
      <legend class="fieldset__legend filter__legend">{t("catalog.filter.price")}</legend>
      <div class="price-range">
        {field("catalog.filter.price.min", min, setMin)}
        <span aria-hidden="true">–</span>
        {field("catalog.filter.price.max", max, setMax)}
      </div>
      <Show when={invalid()}>
        <p id="price-error" class="field__error">
          {t("catalog.filter.price.invalid")}
        </p>
      </Show>
    </fieldset>
  );
}
