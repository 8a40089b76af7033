// The user's message in the conversation, with the photo that came with it.
import { Show } from "solid-js";
import { t } from "../../i18n/lang";

export function Question(props: { text: string; imageUrl: string | null }) {
  return (
    <div class="question">
      <h3 class="visually-hidden">{t("chat.question.label")}</h3>
      <Show when={props.imageUrl}>{(src) => <img class="question__photo" src={src()} alt={t("chat.question.photo")} />}</Show>
      <p class="question__text">{props.text}</p>
    </div>
  );
}
