// 한국어 / English toggle. Each language is named in itself, so a person who cannot read the
// current language still finds their own.
import { For } from "solid-js";
import { lang, LANGS, setLang, t, type Lang } from "../i18n/lang";
import "./language-switcher.css";

const NAMES: Record<Lang, string> = { ko: "한국어", en: "English" };

export function LanguageSwitcher() {
  return (
    <div class="lang-switch" role="group" aria-label={t("lang.label")}>
      <For each={LANGS}>
        {(code) => (
          <button type="button" lang={code} aria-pressed={lang() === code} onClick={() => void setLang(code)}>
            {NAMES[code]}
          </button>
        )}
      </For>
    </div>
  );
}
