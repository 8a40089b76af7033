// The rehearsal report: the overall score and its summary, the five scores as a chart, the
// filler breakdown, pace over the session as a chart, each dimension's explanation, quotes and
// suggestions, and the transcript with the fillers marked.
import { A, useParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { fetchReport, fetchSession, type Dimension, type Report as ReportData, type SessionDetail } from "../../api/voice";
import { errorText } from "../../i18n/error-text";
import { dateTime } from "../../i18n/format";
import { lang, t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import { usePageTitle } from "../../page-title";
import { LineChart } from "./report/LineChart";
import { ScoreBars } from "./report/ScoreBars";
import { Transcript } from "./report/Transcript";
import "./practice.css";

const DIMENSIONS: { key: "politeness" | "clarity" | "pace" | "filler_words"; name: MessageKey }[] = [
  { key: "politeness", name: "progress.metric.politeness" },
  { key: "clarity", name: "progress.metric.clarity" },
  { key: "pace", name: "progress.metric.pace" },
  { key: "filler_words", name: "progress.metric.fillers" },
];

export default function Report() {
  usePageTitle("practice.report.title");
  const params = useParams<{ id: string }>();
  const [data] = createResource(
    () => params.id,
    async (id) => Promise.all([fetchReport(id), fetchSession(id)]),
  );
  return (
    <Show when={data()} fallback={<Show when={data.error} fallback={<p class="practice-muted">{t("loading")}</p>}>{<p class="notice notice--error" role="alert">{errorText(data.error)}</p>}</Show>}>
      {(d) => <ReportView report={d()[0]} session={d()[1]} />}
    </Show>
  );
}

function ReportView(props: { report: ReportData; session: SessionDetail }) {
  const r = props.report;
  const s = props.session;
  const language = s.language;
  const perMinute = r.filler_words.per_minute;
  const pace = r.pace;
  return (
    <article class="report">
      <header class="report__head">
        <p class="practice-muted">
          {s.scenario.title[lang()]} · {dateTime(s.createdAt)}
        </p>
        <h1>{t("practice.report.title")}</h1>
        <div class="report__overall">
          <span class="report__overall-score" aria-label={t("practice.report.overall")}>
            {r.overall.score}
          </span>
          <p>{r.overall.summary}</p>
        </div>
        <p class="practice-muted">{r.judged_by === "heuristic" ? t("practice.report.heuristic") : t("practice.report.judged", { model: r.judged_by })}</p>
      </header>

      <section class="report__card" aria-labelledby="report-scores">
        <h2 id="report-scores">{t("practice.report.scores")}</h2>
        <ScoreBars
          label={t("practice.report.scores")}
          scores={[{ name: t("practice.report.overall"), score: r.overall.score }, ...DIMENSIONS.map((d) => ({ name: t(d.name), score: r[d.key].score }))]}
        />
      </section>

      <div class="report__grid">
        <section class="report__card" aria-labelledby="report-fillers">
          <h2 id="report-fillers">{t("practice.report.fillers")}</h2>
          <p class="report__figure">
            {t("practice.report.fillers.total", { n: r.filler_words.total })}
            <Show when={perMinute !== null}> · {t("practice.report.fillers.perMinute", { n: perMinute! })}</Show>
          </p>
          <Show when={r.filler_words.list.length} fallback={<p class="practice-muted">{t("practice.report.fillers.none")}</p>}>
            <ScoreBars
              label={t("practice.report.fillers")}
              scores={r.filler_words.list.map((f) => ({ name: f.word, score: f.count }))}
              max={r.filler_words.list[0]!.count}
            />
          </Show>
        </section>

        <section class="report__card" aria-labelledby="report-pace">
          <h2 id="report-pace">{t("practice.report.pace")}</h2>
          <Show when={pace.measured && pace.per_turn.length > 0} fallback={<p class="practice-muted">{pace.explanation}</p>}>
            <p class="report__figure">{t(pace.unit === "wpm" ? "practice.report.pace.wpm" : "practice.report.pace.spm", { n: pace.rate ?? 0, low: pace.good_range[0], high: pace.good_range[1] })}</p>
            <LineChart
              label={t("practice.report.pace")}
              x={pace.per_turn.map((p) => Math.round(p.at_ms / 1000))}
              xLabel={(sec) => `${Math.floor(sec / 60)}:${String(Math.round(sec % 60)).padStart(2, "0")}`}
              series={[{ label: t(pace.unit === "wpm" ? "practice.report.pace.unitWpm" : "practice.report.pace.unitSpm"), values: pace.per_turn.map((p) => p.rate), color: "#a23a25" }]}
              band={pace.good_range}
              summary={pace.per_turn.map((p) => `${Math.round(p.at_ms / 1000)}s: ${p.rate}`).join(", ")}
            />
          </Show>
        </section>
      </div>

      <For each={DIMENSIONS}>{(d) => <DimensionCard name={t(d.name)} dimension={r[d.key]} />}</For>

      <section class="report__card" aria-labelledby="report-transcript">
        <h2 id="report-transcript">{t("practice.report.transcript")}</h2>
        <p class="practice-muted">{t("practice.report.transcript.note")}</p>
        <Transcript turns={s.turns} fillers={r.metrics.fillers.byTurn} you={t("practice.live.you")} partner={s.scenario.partner.name[language]} label={t("practice.report.transcript")} />
      </section>

      <nav class="report__next" aria-label={t("practice.report.next")}>
        <A class="button" href="/practice">
          {t("practice.report.again")}
        </A>
        <A class="button button--quiet" href="/progress">
          {t("practice.report.progress")}
        </A>
      </nav>
    </article>
  );
}

function DimensionCard(props: { name: string; dimension: Dimension }) {
  return (
    <section class="report__card report__dimension">
      <h2>
        {props.name} <span class="report__dimension-score">{props.dimension.score}</span>
      </h2>
      <p>{props.dimension.explanation}</p>
      <Show when={props.dimension.quotes.length}>
        <h3>{t("practice.report.quotes")}</h3>
        <For each={props.dimension.quotes}>{(q) => <blockquote>{q}</blockquote>}</For>
      </Show>
      <h3>{t("practice.report.suggestions")}</h3>
      <ul>
        <For each={props.dimension.suggestions}>{(s) => <li>{s}</li>}</For>
      </ul>
    </section>
  );
}
