// One turn of the conversation: the user's message, the panel's three answers (side by side
// when there is room), and the fitting coordinator's one outfit below them.
import { For, Show } from "solid-js";
import { COORDINATOR, type ExpertId } from "../../api/chat";
import { t } from "../../i18n/lang";
import { ExpertAnswer } from "./ExpertAnswer";
import { PANEL } from "./experts";
import { Question } from "./Question";
import { isLive, unanswered, type Answer, type Turn } from "./turns";

const FAILED: Answer = { status: "failed", text: "", productIds: [], engine: null, model: null, error: null };

export function TurnView(props: { turn: Turn; onRetry: (turnId: string) => void }) {
  /** The stored answer, or a failure for an expert missing from a finished turn. */
  const answer = (id: ExpertId) => props.turn.answers[id] ?? (unanswered(props.turn).includes(id) ? FAILED : undefined);
  const retry = () => {
    const turnId = props.turn.turnId;
    return turnId && !isLive(props.turn) ? () => props.onRetry(turnId) : null;
  };
  const silent = () => props.turn.question !== null && Object.keys(props.turn.answers).length === 0;

  const expert = (id: ExpertId) => <Show when={answer(id)}>{(a) => <ExpertAnswer expert={id} answer={a()} onRetry={retry()} />}</Show>;

  return (
    <article class="turn">
      <Show when={props.turn.question}>{(q) => <Question text={q().text} imageUrl={q().imageUrl} />}</Show>
      <Show when={!silent()} fallback={<p class="turn__none">{t("chat.answer.none")}</p>}>
        <div class="turn__panel">
          <For each={PANEL}>{expert}</For>
        </div>
        {expert(COORDINATOR)}
      </Show>
    </article>
  );
}
