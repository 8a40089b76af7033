// Keeps the tab title on the current page's name, in the current language: a dictionary key,
// or a function for names that come with the data (a product's name).
import { createEffect } from "solid-js";
import { t } from "./i18n/lang";
import type { MessageKey } from "./i18n/ko";

export function usePageTitle(title: MessageKey | (() => string)): void {
  createEffect(() => {
    document.title = `${typeof title === "function" ? title() : t(title)} · Debut`;
  });
}
