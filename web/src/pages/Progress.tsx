// Progress: the user's rehearsal scores over time, a chart per scenario (overall and the four
// scores), with the latest figures and a link to each report.
import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { fetchProgress } from "../api/voice";
import { EmptyState } from "../components/EmptyState";
import { PageHead } from "../components/PageHead";
import { errorText } from "../i18n/error-text";
import { monthDay } from "../i18n/format";
import { lang, t } from "../i18n/lang";
import { LineChart } from "./practice/report/LineChart";
import "./practice/practice.css";

const SERIES = [
  { key: "overall", name: "practice.report.overall", color: "#1f1b2e" },
  { key: "politeness", name: "progress.metric.politeness", color: "#a23a25" },
  { key: "clarity", name: "progress.metric.clarity", color: "#1d6b48" },
  { key: "pace", name: "progress.metric.pace", color: "#8a5a00" },
  { key: "filler_words", name: "progress.metric.fillers", color: "#3b5ba9" },
] as const;

export default function Progress() {
  const [progress] = createResource(fetchProgress);
  return (
    <>
      <PageHead title="progress.title" lead="progress.lead" />
      <Show when={progress.error}>
        <p class="notice notice--error" role="alert">
          {errorText(progress.error)}
        </p>
      </Show>
      <Show when={progress()}>
        {(p) => (
          <Show
            when={p().scenarios.length}
            fallback={
              <EmptyState icon="progress" title={t("progress.empty.title")} body={t("progress.empty.body")}>
                <A class="button" href="/practice">
                  {t("progress.start")}
                </A>
              </EmptyState>
            }
          >
            <For each={p().scenarios}>
              {(g) => {
                const last = g.sessions.at(-1)!;
                return (
                  <section class="report__card progress-card" aria-labelledby={`progress-${g.scenarioId}`}>
                    <h2 id={`progress-${g.scenarioId}`}>{g.title[lang()]}</h2>
                    <p class="practice-muted">
                      {t("progress.sessions", { n: g.sessions.length })} · {t("progress.latest", { n: last.overall })}
                      {g.sessions.length > 1 ? ` · ${t("progress.change", { n: (last.overall - g.sessions[0]!.overall > 0 ? "+" : "") + String(Math.round(last.overall - g.sessions[0]!.overall)) })}` : ""}
                    </p>
                    <LineChart
                      label={g.title[lang()]}
                      x={g.sessions.map((_, i) => i + 1)}
                      xLabel={(i) => (Number.isInteger(i) && g.sessions[i - 1] ? monthDay(g.sessions[i - 1]!.createdAt) : "")}
                      yRange={[0, 100]}
                      series={SERIES.map((s) => ({ label: t(s.name), values: g.sessions.map((x) => x[s.key]), color: s.color }))}
                      summary={g.sessions.map((x) => `${monthDay(x.createdAt)}: ${x.overall}`).join(", ")}
                    />
                    <ul class="progress-card__links" role="list">
                      <For each={[...g.sessions].reverse().slice(0, 5)}>
                        {(x) => (
                          <li>
                            <A href={`/practice/${x.sessionId}/report`}>
                              {monthDay(x.createdAt)} · {t("practice.score", { n: x.overall })}
                            </A>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                );
              }}
            </For>
          </Show>
        )}
      </Show>
    </>
  );
}
