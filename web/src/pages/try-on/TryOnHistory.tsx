// Earlier try-ons, newest first, a page at a time: each result as a thumbnail that opens it
// above, with its date, and a delete button (which asks first).
import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { deleteTryOn, listTryOns, type TryOnTask } from "../../api/fitting";
import { Icon } from "../../components/Icon";
import { errorText } from "../../i18n/error-text";
import { dateTime } from "../../i18n/format";
import { t } from "../../i18n/lang";

export function TryOnHistory(props: { version: number; onOpen: (task: TryOnTask) => void }) {
  // Plain signals, not a resource: reading a pending resource would hold the router's
  // navigation transition (and with it the whole page) until the list arrived.
  const [loaded, setLoaded] = createSignal<TryOnTask[] | null>(null);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [gone, setGone] = createSignal<Set<string>>(new Set());
  const [problem, setProblem] = createSignal<string | null>(null);
  createEffect(
    on(
      () => props.version,
      () => {
        let current = true;
        onCleanup(() => (current = false));
        listTryOns().then(
          (page) => {
            if (!current) return;
            setLoaded(page.tasks);
            setCursor(page.has_more ? page.next_cursor : null);
            setProblem(null);
          },
          (err: unknown) => current && setProblem(errorText(err)),
        );
      },
    ),
  );
  const tasks = () => (loaded() ?? []).filter((task) => !gone().has(task.taskId));

  async function loadMore() {
    const page = await listTryOns(cursor()).catch((err: unknown) => void setProblem(errorText(err)));
    if (!page) return;
    setLoaded([...(loaded() ?? []), ...page.tasks]);
    setCursor(page.has_more ? page.next_cursor : null);
  }

  async function remove(task: TryOnTask) {
    if (!confirm(t("tryOn.history.confirmDelete"))) return;
    try {
      await deleteTryOn(task.taskId);
      setGone(new Set([...gone(), task.taskId]));
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  return (
    <section class="try-on-history" aria-labelledby="try-on-history">
      <h2 id="try-on-history">{t("tryOn.history.title")}</h2>
      <Show when={problem()}>
        <p class="notice notice--error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={loaded()?.length === 0}>
        <p class="try-on__hint">{t("tryOn.history.empty")}</p>
      </Show>
      <ul class="try-on-history__list" role="list">
        <For each={tasks()}>
          {(task) => (
            <li class="try-on-history__item">
              <button type="button" class="try-on-history__open" disabled={task.status !== "completed"} onClick={() => props.onOpen(task)}>
                <Show when={task.downloadUrl} fallback={<span class="try-on-history__state">{t(task.status === "failed" ? "tryOn.history.failed" : "tryOn.history.running")}</span>}>
                  {(src) => <img src={src()} alt={t("tryOn.history.open")} loading="lazy" />}
                </Show>
              </button>
              <div class="try-on-history__meta">
                <time datetime={new Date(task.createdAt).toISOString()}>{dateTime(task.createdAt)}</time>
                <button type="button" class="button button--quiet" aria-label={t("tryOn.history.delete")} onClick={() => void remove(task)}>
                  <Icon name="trash" size={16} />
                </button>
              </div>
            </li>
          )}
        </For>
      </ul>
      <Show when={cursor()}>
        <button type="button" class="button" onClick={() => void loadMore()}>
          {t("tryOn.history.more")}
        </button>
      </Show>
    </section>
  );
}
