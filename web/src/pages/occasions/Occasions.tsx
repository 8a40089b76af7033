// Home: the user's occasions, upcoming ones first with their countdown and readiness, past
// ones below, and the form that plans a new one (which opens its page).
import { A, useNavigate } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { createOccasion, fetchOccasions, OCCASION_KINDS, withLocalOffset, type Occasion, type OccasionKind } from "../../api/occasions";
import { PageHead } from "../../components/PageHead";
import { errorText } from "../../i18n/error-text";
import { lang, t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import { countdown } from "./countdown";
import "./occasions.css";

export default function Occasions() {
  const [list] = createResource(fetchOccasions);
  return (
    <>
      <PageHead title="occasions.title" lead="occasions.lead" />
      <NewOccasion />
      <Show when={list.error}>
        <p class="notice notice--error" role="alert">
          {errorText(list.error)}
        </p>
      </Show>
      <Show when={list()}>
        {(l) => (
          <>
            <section aria-labelledby="occasions-upcoming">
              <h2 id="occasions-upcoming">{t("occasions.upcoming")}</h2>
              <Show when={l().upcoming.length} fallback={<p class="occasion-muted">{t("occasions.none")}</p>}>
                <ul class="occasion-list" role="list">
                  <For each={l().upcoming}>{(o) => <OccasionCard occasion={o} />}</For>
                </ul>
              </Show>
            </section>
            <Show when={l().past.length}>
              <section aria-labelledby="occasions-past">
                <h2 id="occasions-past">{t("occasions.past")}</h2>
                <ul class="occasion-list" role="list">
                  <For each={l().past}>{(o) => <OccasionCard occasion={o} />}</For>
                </ul>
              </section>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}

function OccasionCard(props: { occasion: Occasion }) {
  const o = props.occasion;
  return (
    <li class="occasion-card" classList={{ "occasion-card--past": o.past }}>
      <A href={`/occasions/${o.id}`} class="occasion-card__link">
        <span class="occasion-card__kind">{o.kind_name[lang()]}</span>
        <strong class="occasion-card__title">{o.title}</strong>
        <span class="occasion-card__when">
          {new Intl.DateTimeFormat(lang(), { dateStyle: "medium", timeStyle: "short", timeZone: o.timeZone }).format(o.startsAt)} · {countdown(o.startsAt)}
        </span>
      </A>
      <div class="occasion-card__ready" role="meter" aria-label={t("occasions.readiness")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={o.readiness.percent}>
        <span style={{ width: `${o.readiness.percent}%` }} />
      </div>
      <span class="occasion-muted">{t("occasions.readyCount", { done: o.readiness.done, total: o.readiness.total })}</span>
    </li>
  );
}

const OPTIONAL_FIELDS = [
  { name: "place", max: 200 },
  { name: "company", max: 120 },
  { name: "role", max: 120 },
  { name: "dressCode", max: 120 },
  { name: "weather", max: 120 },
] as const;

const KIND_LABEL = Object.fromEntries(OCCASION_KINDS.map((k) => [k, `occasions.kind.${k}`])) as Record<OccasionKind, MessageKey>;

function NewOccasion() {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const value = (name: string) => String(f.get(name) ?? "").trim();
    const details = Object.fromEntries(["company", "role", "dressCode", "weather"].map((k) => [k, value(k)]).filter(([, v]) => v));
    setBusy(true);
    setProblem(null);
    try {
      const o = await createOccasion({
        kind: value("kind") as OccasionKind,
        title: value("title"),
        startsAt: withLocalOffset(value("startsAt")),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        language: lang(),
        ...(value("place") ? { place: value("place") } : {}),
        ...(value("notes") ? { notes: value("notes") } : {}),
        details,
      });
      navigate(`/occasions/${o.id}`);
    } catch (err) {
      setProblem(errorText(err));
      setBusy(false);
    }
  }
  return (
    <details class="occasion-new">
      <summary class="button button--primary">{t("occasions.new")}</summary>
      <form class="occasion-form" onSubmit={submit}>
        <label>
          {t("occasions.field.kind")}
          <select name="kind" required>
            <For each={OCCASION_KINDS}>{(k) => <option value={k}>{t(KIND_LABEL[k])}</option>}</For>
          </select>
        </label>
        <label>
          {t("occasions.field.title")}
          <input name="title" required maxLength={120} />
        </label>
        <label>
          {t("occasions.field.when")}
          <input name="startsAt" type="datetime-local" required />
        </label>
        <For each={OPTIONAL_FIELDS}>
          {(f) => (
            <label>
              {t(`occasions.field.${f.name}`)}
              <input name={f.name} maxLength={f.max} />
            </label>
          )}
        </For>
        <label class="occasion-form__wide">
          {t("occasions.field.notes")}
          <textarea name="notes" rows={2} maxLength={2000} />
        </label>
        <Show when={problem()}>
          <p class="notice notice--error occasion-form__wide" role="alert">
            {problem()}
          </p>
        </Show>
        <button type="submit" class="button button--primary" disabled={busy()}>
          {t(busy() ? "occasions.creating" : "occasions.create")}
        </button>
      </form>
    </details>
  );
}
