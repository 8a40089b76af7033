// Practice: the rehearsal scenarios as cards, filtered by language and difficulty, each
// starting a session at its chosen level; and the user's recent sessions with their scores.
import { A, useNavigate } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { fetchScenarios, fetchSessions, startSession, type Difficulty, type Lang2, type Scenario } from "../../api/voice";
import { PageHead } from "../../components/PageHead";
import { errorText } from "../../i18n/error-text";
import { dateTime } from "../../i18n/format";
import { lang, t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import "./practice.css";

const DIFFICULTY: Record<Difficulty, MessageKey> = { easy: "practice.difficulty.easy", normal: "practice.difficulty.normal", hard: "practice.difficulty.hard" };

export default function Practice() {
  const [scenarios] = createResource(fetchScenarios);
  const [recent] = createResource(fetchSessions);
  const [language, setLanguage] = createSignal<Lang2>(lang());
  const [difficulty, setDifficulty] = createSignal<Difficulty>("normal");
  const [starting, setStarting] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const navigate = useNavigate();
  const titleOf = (id: string) => scenarios()?.find((s) => s.id === id)?.title[lang()] ?? id;

  async function start(s: Scenario) {
    setStarting(s.id);
    setProblem(null);
    try {
      const session = await startSession({ scenarioId: s.id, language: language(), difficulty: difficulty() });
      navigate(`/practice/${session.id}`);
    } catch (err) {
      setProblem(errorText(err));
      setStarting(null);
    }
  }

  return (
    <>
      <PageHead title="practice.title" lead="practice.lead" />
      <form class="practice-filters" aria-label={t("practice.filters")} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("practice.language")}
          <select value={language()} onChange={(e) => setLanguage(e.currentTarget.value as Lang2)}>
            <option value="ko">한국어</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t("practice.difficulty")}
          <select value={difficulty()} onChange={(e) => setDifficulty(e.currentTarget.value as Difficulty)}>
            <For each={["easy", "normal", "hard"] as Difficulty[]}>{(d) => <option value={d}>{t(DIFFICULTY[d])}</option>}</For>
          </select>
        </label>
      </form>
      <Show when={problem()}>
        <p class="notice notice--error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={scenarios.error}>
        <p class="notice notice--error" role="alert">
          {errorText(scenarios.error)}
        </p>
      </Show>
      <ul class="scenario-grid" role="list" aria-busy={scenarios.loading}>
        <For each={scenarios.latest ?? []}>
          {(s) => (
            <li class="scenario-card">
              <h2>{s.title[language()]}</h2>
              <p class="scenario-card__partner">
                {s.partner.name[language()]} · {s.partner.role[language()]}
              </p>
              <p>{s.summary[language()]}</p>
              <p class="scenario-card__goal">
                <strong>{t("practice.goal")}</strong> {s.goal[language()]}
              </p>
              <div class="scenario-card__foot">
                <span class="scenario-card__minutes">{t("practice.minutes", { n: s.minutes })}</span>
                <button type="button" class="button" disabled={starting() !== null} onClick={() => void start(s)} aria-label={`${t("practice.start")}: ${s.title[language()]}`}>
                  {starting() === s.id ? t("practice.starting") : t("practice.start")}
                </button>
              </div>
            </li>
          )}
        </For>
      </ul>
      <section class="practice-recent" aria-labelledby="practice-recent">
        <h2 id="practice-recent">{t("practice.recent")}</h2>
        <Show when={recent.latest?.length} fallback={<p class="practice-muted">{t("practice.recent.none")}</p>}>
          <ul role="list">
            <For each={recent.latest}>
              {(s) => (
                <li>
                  <A href={s.status === "ended" || s.status === "failed" ? `/practice/${s.id}/report` : `/practice/${s.id}`}>{titleOf(s.scenarioId)}</A>
                  <span class="practice-muted">
                    {dateTime(s.createdAt)} · {t(DIFFICULTY[s.difficulty])}
                  </span>
                  <Show when={s.overall !== null && s.overall !== undefined} fallback={<span class="practice-muted">{t(s.status === "ended" || s.status === "failed" ? "practice.recent.unscored" : "practice.recent.live")}</span>}>
                    <span class="practice-score">{t("practice.score", { n: s.overall! })}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </>
  );
}
