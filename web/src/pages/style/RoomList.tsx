// The list of the user's chats beside the conversation: a new-chat link, then each room's
// title, last message and how long ago it was active, the open one marked. On phones and
// tablets the list folds behind a button at the top of the page.
import { A, useLocation } from "@solidjs/router";
import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import { createClock, timeAgo } from "./relative-time";
import type { RoomList as Rooms } from "./rooms";

export function RoomList(props: { rooms: Rooms }) {
  const rooms = props.rooms;
  const [open, setOpen] = createSignal(false);
  const now = createClock();
  const location = useLocation();
  createEffect(on(() => location.pathname, () => setOpen(false), { defer: true }));

  return (
    <nav class="rooms" aria-labelledby="rooms-title">
      <div class="rooms__head">
        <h2 id="rooms-title" class="rooms__title">
          {t("chat.rooms.title")}
        </h2>
        <button type="button" class="button rooms__toggle" aria-expanded={open()} aria-controls="rooms-panel" onClick={() => setOpen(!open())}>
          {t("chat.rooms.title")}
        </button>
        <a class="button rooms__new" href="/style">
          <span aria-hidden="true">+</span> {t("chat.rooms.new")}
        </a>
      </div>
      <div id="rooms-panel" class="rooms__panel" classList={{ "is-open": open() }}>
        <Switch>
          <Match when={rooms.rooms().length > 0}>
            <ul class="rooms__list" role="list">
              <For each={rooms.rooms()}>
                {(room) => (
                  <li>
                    <A class="room" activeClass="is-active" end href={`/style/${room.room_id}`}>
                      <span class="room__title">{room.title}</span>
                      <Show when={room.last_message}>{(last) => <span class="room__last">{last()}</span>}</Show>
                      <time class="room__time" datetime={room.updated_at}>
                        {timeAgo(room.updated_at, now())}
                      </time>
                    </A>
                  </li>
                )}
              </For>
            </ul>
            <Show when={rooms.hasMore()}>
              <button type="button" class="button button--quiet rooms__more" disabled={rooms.status() === "loading"} onClick={() => rooms.loadMore()}>
                {rooms.status() === "loading" ? t("loading") : t("chat.rooms.more")}
              </button>
            </Show>
          </Match>
          <Match when={rooms.status() === "failed"}>
            <div class="notice notice--error" role="alert">
              <p>
                {t("chat.rooms.failed")} {errorText(rooms.failure())}
              </p>
              <button type="button" class="button" onClick={() => rooms.refresh()}>
                {t("retry")}
              </button>
            </div>
          </Match>
          <Match when={rooms.status() === "loading"}>
            <p class="rooms__note">{t("loading")}</p>
          </Match>
          <Match when={true}>
            <p class="rooms__note">{t("chat.rooms.empty")}</p>
          </Match>
        </Switch>
      </div>
    </nav>
  );
}
