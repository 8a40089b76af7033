// Try-on: the outfit from the style chat on the user's own photo. The steps it will take.
import { For } from "solid-js";
import { EmptyState } from "../components/EmptyState";
import { PageHead } from "../components/PageHead";
import { t } from "../i18n/lang";
import type { MessageKey } from "../i18n/ko";

const STEPS: readonly MessageKey[] = ["tryOn.step.photo", "tryOn.step.pick", "tryOn.step.see"];

export default function TryOn() {
  return (
    <>
      <PageHead title="tryOn.title" lead="tryOn.lead" />
      <EmptyState icon="tryOn" title={t("tryOn.empty.title")} body={t("tryOn.empty.body")}>
        <ol class="empty-state__list" role="list">
          <For each={STEPS}>{(step) => <li>{t(step)}</li>}</For>
        </ol>
      </EmptyState>
    </>
  );
}
