// The search words: searched a moment after typing stops, or at once on Enter. Follows the
// URL when it changes from outside (back button, "clear").
import { createEffect, createSignal, on, onCleanup } from "solid-js";
import { Icon } from "../../components/Icon";
import { t } from "../../i18n/lang";

const DEBOUNCE_MS = 350;

export function SearchBox(props: { value: string; onSearch: (words: string, typing: boolean) => void }) {
  const [text, setText] = createSignal(props.value);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  createEffect(on(() => props.value, (value) => value !== text().trim() && setText(value), { defer: true }));

  function typed(value: string) {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => value.trim() !== props.value && props.onSearch(value.trim(), true), DEBOUNCE_MS);
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    clearTimeout(timer);
    if (text().trim() !== props.value) props.onSearch(text().trim(), false);
  }

  return (
    <form class="search-box" role="search" onSubmit={submit}>
      <label class="visually-hidden" for="catalog-search">
        {t("catalog.search.label")}
      </label>
      <Icon name="search" class="search-box__icon" />
      <input
        id="catalog-search"
        class="input search-box__input"
        type="search"
        enterkeyhint="search"
        autocomplete="off"
        maxlength="200"
        placeholder={t("catalog.search.placeholder")}
        value={text()}
        onInput={(e) => typed(e.currentTarget.value)}
      />
      <button type="submit" class="button button--primary">
        {t("catalog.search.submit")}
      </button>
    </form>
  );
}
