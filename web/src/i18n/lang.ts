// The chosen language as a signal, and `t` to read the dictionary in it. Chosen once from
// localStorage or the browser's preferences; switching updates every text that reads `t`.
import { createSignal } from "solid-js";
import { en } from "./en";
import { ko, type MessageKey, type Messages } from "./ko";

export type Lang = "ko" | "en";
export const LANGS: readonly Lang[] = ["ko", "en"];

const dictionaries: Record<Lang, Messages> = { ko, en };
const STORAGE_KEY = "debut.lang";

function initialLang(): Lang {
  const saved = readSaved();
  if (saved) return saved;
  // The first of the browser's languages we speak wins; Korean only if it comes before English.
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split("-")[0];
    if (primary === "ko" || primary === "en") return primary;
  }
  return "en";
}

function readSaved(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "ko" || value === "en" ? value : null;
  } catch {
    return null; // storage blocked (private mode, policies): fall back to the browser's choice
  }
}

const [lang, setLangSignal] = createSignal<Lang>(initialLang());
document.documentElement.lang = lang();

export { lang };

export function setLang(next: Lang): void {
  setLangSignal(next);
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered across visits, but the switch still works for this one.
  }
}

/** The text for `key` in the current language, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang()][key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}
