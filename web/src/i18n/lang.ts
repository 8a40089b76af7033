// The chosen language as a signal, and `t` to read the dictionary in it. Chosen once from
// localStorage or the browser's preferences; switching updates every text that reads `t`.
// Each dictionary is its own chunk and only the chosen one is downloaded: the first render
// waits for it under main.tsx's Suspense (in parallel with the route's chunk), and a switch
// keeps the current texts until the other dictionary has arrived.
import { createResource, createSignal } from "solid-js";
import type { MessageKey, Messages } from "./ko";

export type Lang = "ko" | "en";
export const LANGS: readonly Lang[] = ["ko", "en"];

const loadDictionary = (lang: Lang): Promise<Messages> =>
  lang === "ko" ? import("./ko").then((m) => m.ko) : import("./en").then((m) => m.en);
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
const [dictionary] = createResource(lang, loadDictionary);

export { lang };

/** Remembers the choice at once (a reload right after the click keeps it), then switches when its dictionary is in. */
export async function setLang(next: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered across visits, but the switch still works for this one.
  }
  await loadDictionary(next);
  setLangSignal(next);
  document.documentElement.lang = next;
}

/** The text for `key` in the current language, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  // `latest` suspends only until the first dictionary is in; outside a Suspense boundary it is empty until then.
  const text = dictionary.latest?.[key] ?? "";
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}
