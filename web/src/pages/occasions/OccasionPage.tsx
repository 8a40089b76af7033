// One occasion at a glance: when (with the countdown), the outfit chosen for it (asked of its
// stylist room), its try-on, the rehearsals made for it with their scores and trend, and the
// readiness checklist, ticked here; a calendar file to download.
import { A, useNavigate, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { calendarUrl, deleteOccasion, fetchOccasion, saveChecklist, type Occasion } from "../../api/occasions";
import { startSession } from "../../api/voice";
import { tryOnPath } from "../../catalog/try-on-path";
import { errorText } from "../../i18n/error-text";
import { dateTime } from "../../i18n/format";
import { lang, t } from "../../i18n/lang";
import { usePageTitle } from "../../page-title";
import { countdown } from "./countdown";
import "./occasions.css";

export default function OccasionPage() {
  usePageTitle("occasions.title");
  const params = useParams<{ id: string }>();
  const [occasion, { mutate }] = createResource(() => params.id, fetchOccasion);
  const [problem, setProblem] = createSignal<string | null>(null);
  const navigate = useNavigate();

  async function tick(o: Occasion, id: string, done: boolean) {
    const manual = o.checklist.filter((i) => !i.auto).map((i) => ({ id: i.id, text: i.text, done: i.id === id ? done : i.done }));
    try {
      mutate(await saveChecklist(o.id, manual));
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  async function rehearse(o: Occasion, scenarioId: string) {
    try {
      const s = await startSession({ scenarioId, language: o.language, difficulty: "normal", occasionId: o.id });
      navigate(`/practice/${s.id}`);
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  async function remove(o: Occasion) {
    if (!confirm(t("occasions.deleteConfirm"))) return;
    await deleteOccasion(o.id);
    navigate("/occasions");
  }

  return (
    <>
      <Show when={occasion.error}>
        <p class="notice notice--error" role="alert">
          {errorText(occasion.error)}
        </p>
      </Show>
      <Show when={occasion()}>
        {(get) => {
          const o = get;
          return (
            <article class="occasion">
              <header class="occasion__head">
                <p class="occasion-muted">{o().kind_name[lang()]}</p>
                <h1>{o().title}</h1>
                <p>
                  <time dateTime={new Date(o().startsAt).toISOString()}>
                    {new Intl.DateTimeFormat(lang(), { dateStyle: "full", timeStyle: "short", timeZone: o().timeZone }).format(o().startsAt)}
                  </time>{" "}
                  · <strong class="occasion__countdown">{countdown(o().startsAt)}</strong>
                  <Show when={o().place}> · {o().place}</Show>
                </p>
                <div class="occasion__ready" role="meter" aria-label={t("occasions.readiness")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={o().readiness.percent}>
                  <span style={{ width: `${o().readiness.percent}%` }} />
                </div>
                <p class="occasion-muted">{t("occasions.readyCount", { done: o().readiness.done, total: o().readiness.total })}</p>
                <p class="occasion__actions">
                  <a class="button" href={calendarUrl(o().id)} download="">
                    {t("occasions.calendar")}
                  </a>
                  <button type="button" class="button button--quiet" onClick={() => void remove(o())}>
                    {t("occasions.delete")}
                  </button>
                </p>
              </header>
              <Show when={problem()}>
                <p class="notice notice--error" role="alert">
                  {problem()}
                </p>
              </Show>

              <div class="occasion__grid">
                <section class="occasion-panel" aria-labelledby="occasion-outfit">
                  <h2 id="occasion-outfit">{t("occasions.outfit")}</h2>
                  <Show when={o().outfit} fallback={<p class="occasion-muted">{t("occasions.outfit.none")}</p>}>
                    {(outfit) => (
                      <>
                        <p class="occasion-muted">{t(outfit().source === "pinned" ? "occasions.outfit.pinned" : "occasions.outfit.coordinator")}</p>
                        <ul class="occasion__products" role="list">
                          <For each={outfit().products}>
                            {(p) => (
                              <li>
                                <A href={`/products/${p.product_id}`}>
                                  <img src={p.image_url} alt="" width="96" height="96" loading="lazy" />
                                  <span>{lang() === "ko" ? p.product_name : p.product_name_en}</span>
                                </A>
                              </li>
                            )}
                          </For>
                        </ul>
                      </>
                    )}
                  </Show>
                  <Show when={o().roomId}>
                    <A class="button" href={`/style/${o().roomId}`}>
                      {t("occasions.askStylists")}
                    </A>
                  </Show>
                </section>

                <section class="occasion-panel" aria-labelledby="occasion-tryon">
                  <h2 id="occasion-tryon">{t("occasions.tryOn")}</h2>
                  <Show when={o().tryOn?.downloadUrl} fallback={<p class="occasion-muted">{t("occasions.tryOn.none")}</p>}>
                    <img class="occasion__tryon" src={o().tryOn!.downloadUrl!} alt={t("occasions.tryOn")} />
                  </Show>
                  <A class="button" href={tryOnPath(o().outfit?.products ?? [], o().roomId) ?? "/try-on"}>
                    {t("occasions.tryOn.go")}
                  </A>
                </section>

                <section class="occasion-panel" aria-labelledby="occasion-rehearsals">
                  <h2 id="occasion-rehearsals">{t("occasions.rehearsals")}</h2>
                  <Show when={o().rehearsals.length} fallback={<p class="occasion-muted">{t("occasions.rehearsals.none")}</p>}>
                    <ol class="occasion__rehearsals">
                      <For each={o().rehearsals}>
                        {(r) => (
                          <li>
                            <A href={r.overall === null ? `/practice/${r.sessionId}` : `/practice/${r.sessionId}/report`}>
                              {dateTime(r.createdAt)}
                            </A>{" "}
                            · {r.overall === null ? t("practice.recent.unscored") : t("practice.score", { n: r.overall })}
                          </li>
                        )}
                      </For>
                    </ol>
                    <Show when={o().trend !== null}>
                      <p class="occasion__trend">{t(o().trend! >= 0 ? "occasions.trend.up" : "occasions.trend.down", { n: Math.abs(o().trend!) })}</p>
                    </Show>
                  </Show>
                  <div class="occasion__scenarios">
                    <For each={o().scenarios}>
                      {(s) => (
                        <button type="button" class="button" onClick={() => void rehearse(o(), s.id)}>
                          {t("occasions.rehearse", { title: s.title[lang()] })}
                        </button>
                      )}
                    </For>
                  </div>
                </section>

                <section class="occasion-panel" aria-labelledby="occasion-checklist">
                  <h2 id="occasion-checklist">{t("occasions.checklist")}</h2>
                  <ul class="occasion__checklist" role="list">
                    <For each={o().checklist}>
                      {(item) => (
                        <li>
                          <label>
                            <input type="checkbox" checked={item.done} disabled={item.auto} onChange={(e) => void tick(o(), item.id, e.currentTarget.checked)} /> {item.text}
                          </label>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </div>
            </article>
          );
        }}
      </Show>
    </>
  );
}
