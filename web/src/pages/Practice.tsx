// Practice: rehearsing a conversation out loud with an AI partner. The situations it covers.
import { For } from "solid-js";
import { EmptyState } from "../components/EmptyState";
import { PageHead } from "../components/PageHead";
import { t } from "../i18n/lang";
import type { MessageKey } from "../i18n/ko";

const SCENARIOS: readonly MessageKey[] = ["practice.scenario.interview", "practice.scenario.boss", "practice.scenario.date"];

export default function Practice() {
  return (
    <>
      <PageHead title="practice.title" lead="practice.lead" />
      <EmptyState icon="practice" title={t("practice.empty.title")} body={t("practice.empty.body")}>
        <h3 class="empty-state__list-title">{t("practice.scenarios.label")}</h3>
        <ul class="empty-state__list empty-state__list--compact" role="list">
          <For each={SCENARIOS}>
            {(scenario) => (
              <li>
                <strong>{t(scenario)}</strong>
              </li>
            )}
          </For>
        </ul>
      </EmptyState>
    </>
  );
}
