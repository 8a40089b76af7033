// Style: chat with the stylist team. The user's rooms on the left (behind a button on
// phones), the open room's conversation on the right with the message box under it. The
// room is in the URL (/style/:roomId), so a reload comes back to it; a new chat is /style
// until its first message creates the room.
import { useNavigate, useParams } from "@solidjs/router";
import { createEffect, createSignal, lazy, on, Show, Suspense, untrack } from "solid-js";
import { PageHead } from "../../components/PageHead";
import { t } from "../../i18n/lang";
import { ChatStart } from "./ChatStart";
import { Composer, COMPOSER_INPUT_ID } from "./Composer";
import { createConversation } from "./conversation";
import { createRoomList } from "./rooms";
import { RoomList } from "./RoomList";
import { StreamBanner } from "./StreamBanner";
import "./style.css";

// The log (and the answers' product cards) is its own chunk: a new chat shows the composer
// and the examples without it, and an open room fetches it alongside the room's messages.
const ConversationLog = lazy(() => import("./ConversationLog").then((m) => ({ default: m.ConversationLog })));

export default function Style() {
  const params = useParams<{ roomId?: string }>();
  const navigate = useNavigate();
  const rooms = createRoomList();
  const [draft, setDraft] = createSignal("");
  const conversation = createConversation({
    // The room the first message created: into the URL, without moving the reader's focus.
    roomCreated: (roomId) => {
      navigate(`/style/${roomId}`, { replace: true, scroll: false, state: { keepFocus: true } });
      rooms.refresh();
    },
    turnEnded: () => rooms.refresh(),
  });

  createEffect(
    on(
      () => params.roomId,
      (param) => {
        const roomId = param === undefined ? null : Number(param);
        if (roomId !== null) void ConversationLog.preload();
        if (roomId !== untrack(conversation.roomId)) conversation.open(roomId);
      },
    ),
  );

  // Someone writing a first message will need the log: fetch it while they type.
  function writeDraft(text: string) {
    setDraft(text);
    void ConversationLog.preload();
  }

  function pickExample(question: string) {
    writeDraft(question);
    document.getElementById(COMPOSER_INPUT_ID)?.focus();
  }

  return (
    <>
      <PageHead title="style.title" lead="style.lead" />
      <div class="chat">
        <RoomList rooms={rooms} />
        <div class="chat__room">
          <Show when={conversation.roomId() !== null || conversation.turns().length > 0} fallback={<ChatStart onPick={pickExample} />}>
            <Suspense fallback={<p class="status-line" role="status">{t("loading")}</p>}>
              <ConversationLog conversation={conversation} />
            </Suspense>
          </Show>
          <div class="chat__bottom">
            <Show when={conversation.broken()}>
              <StreamBanner onReconnect={conversation.reopen} />
            </Show>
            <Composer draft={draft()} onDraft={writeDraft} busy={conversation.streaming()} onSend={conversation.send} />
          </div>
        </div>
      </div>
    </>
  );
}
