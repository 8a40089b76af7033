// Keeps the tab title on the current page's name, in the current language.
import { createEffect } from "solid-js";
import { t } from "./i18n/lang";
import type { MessageKey } from "./i18n/ko";

export function usePageTitle(key: MessageKey): void {
  createEffect(() => {
    document.title = `${t(key)} · Debut`;
  });
}
