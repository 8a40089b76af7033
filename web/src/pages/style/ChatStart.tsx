// A new chat before its first message: what to ask, example questions that fill the message
// box, who answers, and a pointer to the profile the stylists read.
import { For } from "solid-js";
import { EXPERT_IDS } from "../../api/chat";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import { ExpertAvatar } from "./ExpertAvatar";
import { expertName, expertRole } from "./experts";

const EXAMPLES: readonly MessageKey[] = ["chat.example.interview", "chat.example.date", "chat.example.rain", "chat.example.wedding"];

export function ChatStart(props: { onPick: (question: string) => void }) {
  return (
    <section class="chat-start" aria-labelledby="chat-start-title">
      <h2 id="chat-start-title">{t("chat.start.title")}</h2>
      <p class="chat-start__body">{t("chat.start.body")}</p>

      <h3 class="chat-start__label">{t("chat.start.examples")}</h3>
      <ul class="chat-start__examples" role="list">
        <For each={EXAMPLES}>
          {(key) => (
            <li>
              <button type="button" class="example-chip" onClick={() => props.onPick(t(key))}>
                {t(key)}
              </button>
            </li>
          )}
        </For>
      </ul>

      <h3 class="chat-start__label">{t("style.team.label")}</h3>
      <ul class="chat-start__team" role="list">
        <For each={EXPERT_IDS}>
          {(id) => (
            <li>
              <ExpertAvatar expert={id} />
              <span>
                <strong>{expertName(id)}</strong>
                <span class="chat-start__role">{expertRole(id)}</span>
              </span>
            </li>
          )}
        </For>
      </ul>

      <p class="chat-start__profile">
        {t("style.profileHint")} <a href="/profile">{t("style.profileLink")}</a>
      </p>
    </section>
  );
}
