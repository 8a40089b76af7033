// One expert's answer to a turn: who they are (mark, name, role), then their text as it
// streams in (with a caret; hidden from screen readers until it is complete, so the
// conversation log announces each answer once, whole), then the products they recommend
// and the engine that wrote it. An expert who could not answer shows why, and a retry.
import { createUniqueId, Match, Show, Switch } from "solid-js";
import { COORDINATOR, type ExpertId } from "../../api/chat";
import { t } from "../../i18n/lang";
import { AnswerProducts } from "./AnswerProducts";
import { EngineNote } from "./EngineNote";
import { ExpertAvatar } from "./ExpertAvatar";
import { expertName, expertRole } from "./experts";
import { OutfitTryOn } from "./OutfitTryOn";
import { PinForOccasion } from "./PinForOccasion";
import type { Answer } from "./turns";

/** `onRetry` is null while the rest of the turn is still being answered. */
export function ExpertAnswer(props: { expert: ExpertId; answer: Answer; onRetry: (() => void) | null }) {
  const nameId = createUniqueId();
  const outfit = () => props.expert === COORDINATOR;
  return (
    <section class="answer" classList={{ "answer--outfit": outfit() }} data-expert={props.expert} data-status={props.answer.status} aria-labelledby={nameId}>
      <header class="answer__head">
        <ExpertAvatar expert={props.expert} />
        <div class="answer__who">
          <h3 class="answer__name" id={nameId}>
            {expertName(props.expert)}
          </h3>
          <p class="answer__role">{expertRole(props.expert)}</p>
        </div>
        <Show when={outfit()}>
          <span class="answer__badge">{t("chat.outfit.label")}</span>
        </Show>
      </header>
      <Switch>
        <Match when={props.answer.status === "waiting"}>
          <p class="answer__waiting">
            <span class="typing-dots" aria-hidden="true" />
            {outfit() ? t("chat.answer.waitingPanel") : t("chat.answer.waiting")}
          </p>
        </Match>
        <Match when={props.answer.status === "streaming"}>
          <p class="answer__text is-streaming" aria-hidden="true">
            {props.answer.text}
          </p>
        </Match>
        <Match when={props.answer.status === "done"}>
          <p class="answer__text">{props.answer.text}</p>
          <AnswerProducts ids={props.answer.productIds} label={t("chat.answer.products", { name: expertName(props.expert) })} />
          <PinForOccasion ids={props.answer.productIds} />
          <Show when={outfit()}>
            <OutfitTryOn ids={props.answer.productIds} />
          </Show>
          <EngineNote engine={props.answer.engine} model={props.answer.model} />
        </Match>
        <Match when={props.answer.status === "failed"}>
          <div class="notice notice--error answer__error">
            <p class="answer__failed">
              {t("chat.answer.failed")}
              <Show when={props.answer.error}>{(why) => <span class="answer__why">{why()}</span>}</Show>
            </p>
            <Show when={props.onRetry} fallback={<p class="answer__later">{t("chat.answer.retryLater")}</p>}>
              {(retry) => (
                <button type="button" class="button" onClick={() => retry()()}>
                  {t("retry")}
                </button>
              )}
            </Show>
          </div>
        </Match>
      </Switch>
    </section>
  );
}
