// Running one try-on: the button that starts it (once there is a photo and a garment), its
// progress while the job runs, and then the result beside the original photo, with download
// and share — or the reason it failed, with a retry.
import { createSignal, Match, onCleanup, Show, Switch } from "solid-js";
import { followTryOn, startTryOn, type TryOnTask } from "../../api/fitting";
import { Icon } from "../../components/Icon";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import { TryOnResult } from "./TryOnResult";

type State = { kind: "idle" } | { kind: "running"; task: TryOnTask | null } | { kind: "done"; task: TryOnTask } | { kind: "failed"; message: string };

export function TryOnRun(props: { photo: string | null; upper?: string; lower?: string; roomId?: number; onFinished: (task: TryOnTask) => void }) {
  const [state, setState] = createSignal<State>({ kind: "idle" });
  let stop: AbortController | null = null;
  onCleanup(() => stop?.abort());

  const ready = () => props.photo !== null && (props.upper !== undefined || props.lower !== undefined);

  async function run() {
    const photo = props.photo;
    if (!photo) return;
    stop?.abort();
    const controller = new AbortController();
    stop = controller;
    setState({ kind: "running", task: null });
    try {
      const started = await startTryOn({ photoUrl: photo, upper: props.upper, lower: props.lower, roomId: props.roomId });
      const task = await followTryOn(started.taskId, (now) => !controller.signal.aborted && setState({ kind: "running", task: now }), controller.signal);
      if (controller.signal.aborted) return;
      if (task.status === "completed") setState({ kind: "done", task });
      else setState({ kind: "failed", message: task.error ?? t("tryOn.run.failed") });
      props.onFinished(task);
    } catch (err) {
      if (controller.signal.aborted) return;
      setState({ kind: "failed", message: errorText(err) });
    }
  }

  const progress = () => {
    const s = state();
    return s.kind === "running" ? Math.max(5, s.task?.progress ?? 0) : 0;
  };

  return (
    <div class="try-on-run">
      <Switch>
        <Match when={state().kind === "running"}>
          <div class="try-on-run__progress" role="status" aria-live="polite">
            <p>{t(progress() < 30 ? "tryOn.run.queued" : "tryOn.run.working")}</p>
            <progress max="100" value={progress()} aria-label={t("tryOn.run.progress")} />
          </div>
        </Match>
        <Match when={state().kind === "failed" && (state() as { message: string })}>
          {(failed) => (
            <div class="notice notice--error" role="alert">
              <p>
                {t("tryOn.run.failed")} {failed().message}
              </p>
              <button type="button" class="button" onClick={() => void run()}>
                {t("retry")}
              </button>
            </div>
          )}
        </Match>
      </Switch>
      <Show when={state().kind !== "running"}>
        <button type="button" class="button button--primary try-on-run__go" disabled={!ready()} onClick={() => void run()}>
          <Icon name="tryOn" size={18} />
          {t(state().kind === "done" ? "tryOn.run.again" : "tryOn.run.start")}
        </button>
        <Show when={!ready()}>
          <p class="try-on__hint">{t(props.photo ? "tryOn.run.needClothes" : "tryOn.run.needPhoto")}</p>
        </Show>
      </Show>
      <Show when={state().kind === "done" && (state() as { task: TryOnTask }).task}>{(task) => <TryOnResult task={task()} />}</Show>
    </div>
  );
}
