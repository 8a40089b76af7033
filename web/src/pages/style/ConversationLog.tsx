// The open room's conversation as a log that screen readers follow politely: older messages
// load as the reader reaches the top, the end stays in view while answers stream in, and a
// room that cannot be loaded says why.
import { createEffect, createMemo, For, Match, on, onMount, Switch } from "solid-js";
import { ApiError } from "../../api/client";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import type { Conversation } from "./conversation";
import { keepInView, whenVisible } from "./scroll";
import { TurnView } from "./TurnView";

const isUnknownRoom = (err: unknown) => err instanceof ApiError && (err.status === 404 || err.status === 400);

export function ConversationLog(props: { conversation: Conversation }) {
  const c = props.conversation;
  let log!: HTMLDivElement;
  let top!: HTMLDivElement;
  const failure = () => c.loadFailure();

  onMount(() => {
    const view = keepInView(log);
    // A room's newest page, or a new message at the end (not older ones in front): go to
    // the end and follow it.
    const last = createMemo(() => c.turns().at(-1)?.key);
    createEffect(on(last, (key) => key && view.followEnd()));
    whenVisible(top, c.loadOlder);
  });

  return (
    <>
      <div ref={top} class="conversation__top" classList={{ "has-older": c.hasOlder() }}>
        <Switch>
          <Match when={c.loading() === "older"}>
            <p class="conversation__note" role="status">
              {t("chat.log.older")}
            </p>
          </Match>
          <Match when={failure()?.older}>
            <div class="notice notice--error" role="alert">
              <p>
                {t("chat.log.olderFailed")} {errorText(failure()!.error)}
              </p>
              <button type="button" class="button" onClick={() => void c.loadOlder()}>
                {t("retry")}
              </button>
            </div>
          </Match>
        </Switch>
      </div>
      <div ref={log} class="conversation" role="log" aria-live="polite" aria-label={t("chat.log.label")}>
        <For each={c.turns()}>{(turn) => <TurnView turn={turn} onRetry={(turnId) => void c.retry(turnId)} />}</For>
      </div>
      <Switch>
        <Match when={c.loading() === "newest"}>
          <p class="status-line" role="status">
            {t("loading")}
          </p>
        </Match>
        <Match when={failure() && !failure()!.older && isUnknownRoom(failure()!.error)}>
          <div class="notice notice--error" role="alert">
            <p>{t("chat.log.notFound")}</p>
            <a class="button" href="/style">
              {t("chat.rooms.new")}
            </a>
          </div>
        </Match>
        <Match when={failure() && !failure()!.older}>
          <div class="notice notice--error" role="alert">
            <p>
              {t("chat.log.failed")} {errorText(failure()!.error)}
            </p>
            <button type="button" class="button" onClick={() => c.reopen()}>
              {t("retry")}
            </button>
          </div>
        </Match>
      </Switch>
    </>
  );
}
