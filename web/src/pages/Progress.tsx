// Progress: practice scores over time. Which scores will be charted here.
import { For } from "solid-js";
import { EmptyState } from "../components/EmptyState";
import { PageHead } from "../components/PageHead";
import { t } from "../i18n/lang";
import type { MessageKey } from "../i18n/ko";

const METRICS: readonly MessageKey[] = [
  "progress.metric.politeness",
  "progress.metric.clarity",
  "progress.metric.pace",
  "progress.metric.fillers",
];

export default function Progress() {
  return (
    <>
      <PageHead title="progress.title" lead="progress.lead" />
      <EmptyState icon="progress" title={t("progress.empty.title")} body={t("progress.empty.body")}>
        <h3 class="empty-state__list-title">{t("progress.metrics.label")}</h3>
        <ul class="empty-state__list empty-state__list--compact" role="list">
          <For each={METRICS}>
            {(metric) => (
              <li>
                <strong>{t(metric)}</strong>
              </li>
            )}
          </For>
        </ul>
      </EmptyState>
    </>
  );
}
