// Style: where the stylist team's chat will live. Until then, who is on the team and why the
// profile matters to them.
import { For } from "solid-js";
import { EmptyState } from "../components/EmptyState";
import { PageHead } from "../components/PageHead";
import { t } from "../i18n/lang";
import type { MessageKey } from "../i18n/ko";

const TEAM: readonly [MessageKey, MessageKey][] = [
  ["style.team.analyst", "style.team.analyst.does"],
  ["style.team.trend", "style.team.trend.does"],
  ["style.team.color", "style.team.color.does"],
  ["style.team.coordinator", "style.team.coordinator.does"],
];

export default function Style() {
  return (
    <>
      <PageHead title="style.title" lead="style.lead" />
      <EmptyState icon="style" title={t("style.empty.title")} body={t("style.empty.body")}>
        <h3 class="empty-state__list-title">{t("style.team.label")}</h3>
        <ul class="empty-state__list" role="list">
          <For each={TEAM}>
            {([role, does]) => (
              <li>
                <strong>{t(role)}</strong>
                <span>{t(does)}</span>
              </li>
            )}
          </For>
        </ul>
      </EmptyState>
      <p class="notice notice--info page-aside">
        <span>{t("style.profileHint")}</span>
        <a href="/profile">{t("style.profileLink")}</a>
      </p>
    </>
  );
}
