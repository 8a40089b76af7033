// What a section will hold, said plainly while it holds nothing yet. No sample data: the
// first real chat, try-on or practice session replaces this.
import type { JSX } from "solid-js";
import { t } from "../i18n/lang";
import { Icon, type IconName } from "./Icon";
import "./empty-state.css";

export function EmptyState(props: { icon: IconName; title: string; body: string; children?: JSX.Element }) {
  return (
    <section class="empty-state" aria-labelledby="empty-state-title">
      <div class="empty-state__top">
        <span class="empty-state__icon">
          <Icon name={props.icon} size={28} />
        </span>
        <span class="badge">{t("comingSoon")}</span>
      </div>
      <h2 id="empty-state-title">{props.title}</h2>
      <p class="empty-state__body">{props.body}</p>
      {props.children}
    </section>
  );
}
