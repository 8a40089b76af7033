// The seven sections. The router's <A> marks the current one with aria-current="page"; on
// phones the same list is a tab bar fixed to the bottom of the screen (frame.css).
import { A, useLocation } from "@solidjs/router";
import { For } from "solid-js";
import { Icon, type IconName } from "../components/Icon";
import { t } from "../i18n/lang";
import type { MessageKey } from "../i18n/ko";

/** `within`: other paths that belong to the section (a product page is part of the catalog). */
const SECTIONS: readonly { href: string; label: MessageKey; icon: IconName; within?: string }[] = [
  { href: "/occasions", label: "nav.occasions", icon: "occasions" },
  { href: "/style", label: "nav.style", icon: "style" },
  { href: "/catalog", label: "nav.catalog", icon: "catalog", within: "/products/" },
  { href: "/try-on", label: "nav.tryOn", icon: "tryOn" },
  { href: "/practice", label: "nav.practice", icon: "practice" },
  { href: "/progress", label: "nav.progress", icon: "progress" },
  { href: "/profile", label: "nav.profile", icon: "profile" },
];

export function PrimaryNav() {
  const location = useLocation();
  // Only ever adds the class: the router's own active class would be overridden by a false.
  const inside = (within?: string) => (within && location.pathname.startsWith(within) ? { "is-active": true } : {});
  return (
    <nav class="primary-nav" aria-label={t("nav.label")}>
      <ul>
        <For each={SECTIONS}>
          {(section) => (
            <li>
              <A href={section.href} class="primary-nav__link" activeClass="is-active" inactiveClass="" classList={inside(section.within)}>
                <Icon name={section.icon} class="primary-nav__icon" />
                <span>{t(section.label)}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
