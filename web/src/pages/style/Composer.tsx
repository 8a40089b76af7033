// The message box under the conversation: a textarea that grows with its text (Enter sends,
// Shift+Enter starts a new line, and the Enter that finishes a Korean syllable does neither),
// a photo to send along, and the send button. Nothing can be sent while a turn is being
// answered; what was typed stays when sending fails.
import { createEffect, createSignal, on, Show } from "solid-js";
import { PHOTO_TYPES } from "../../components/upload/photo-check";
import { Icon } from "../../components/Icon";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import { createPhotoAttachment } from "./photo-attachment";
import { PhotoAttachment } from "./PhotoAttachment";

export const COMPOSER_INPUT_ID = "chat-input";
const MAX_LENGTH = 2000;

export function Composer(props: {
  draft: string;
  onDraft: (text: string) => void;
  busy: boolean;
  onSend: (question: { text: string; imageUrl: string | null }) => Promise<void>;
}) {
  const attachment = createPhotoAttachment();
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<{ error: unknown } | null>(null);
  let box!: HTMLTextAreaElement;
  let picker!: HTMLInputElement;

  const text = () => props.draft.trim();
  const blocked = () => props.busy || sending();
  const ready = () => text() !== "" && !blocked() && !attachment.uploading();

  // Grow with the text, whoever changed it (typing, an example question, a sent message).
  // Not on the first render: the box starts empty at its one row, and measuring it then would
  // lay the whole page out in the middle of rendering it (a forced reflow).
  createEffect(
    on(
      () => props.draft,
      () => {
        box.style.height = "auto";
        box.style.height = `${box.scrollHeight + 2}px`;
      },
      { defer: true },
    ),
  );

  async function send(event?: Event) {
    event?.preventDefault();
    if (!ready()) return;
    setSending(true);
    setFailure(null);
    try {
      await props.onSend({ text: text(), imageUrl: attachment.photo()?.url ?? null });
      props.onDraft("");
      attachment.remove();
    } catch (error) {
      setFailure({ error });
    } finally {
      setSending(false);
    }
  }

  function keyDown(event: KeyboardEvent) {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    void send();
  }

  function picked(event: Event & { currentTarget: HTMLInputElement }) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = ""; // choosing the same file again still counts
    if (file) attachment.attach(file);
  }

  return (
    <form class="composer" onSubmit={send}>
      <Show when={failure()}>
        {(failed) => (
          <p class="composer__problem" role="alert">
            {t("chat.sendFailed")} {errorText(failed().error)}
          </p>
        )}
      </Show>
      <PhotoAttachment attachment={attachment} />
      <div class="composer__row">
        <input ref={picker} class="visually-hidden" type="file" tabindex="-1" aria-hidden="true" accept={PHOTO_TYPES.join(",")} onChange={picked} />
        <button type="button" class="button composer__attach" aria-label={t("chat.attach")} title={t("chat.attach")} disabled={blocked()} onClick={() => picker.click()}>
          <Icon name="upload" size={20} />
        </button>
        <label class="visually-hidden" for={COMPOSER_INPUT_ID}>
          {t("chat.input.label")}
        </label>
        <textarea
          ref={box}
          id={COMPOSER_INPUT_ID}
          class="input composer__input"
          rows="1"
          maxLength={MAX_LENGTH}
          placeholder={t("chat.input.placeholder")}
          aria-describedby="chat-input-hint"
          value={props.draft}
          onInput={(event) => props.onDraft(event.currentTarget.value)}
          onKeyDown={keyDown}
        />
        <button type="submit" class="button button--primary composer__send" disabled={!ready()}>
          {t("chat.send")}
        </button>
      </div>
      <p id="chat-input-hint" class="composer__hint">
        {t("chat.input.hint")}
      </p>
    </form>
  );
}
