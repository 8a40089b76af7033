// A photo upload: drop a file or pick one, checked here for type and size, previewed at once,
// sent with a progress bar that can be cancelled, and answered with the stored photo or the
// server's reason for refusing it. The stored photo's URL is the caller's to keep: `current`
// shows it, `onChange` reports a new one (or null when it can no longer be shown).
import { createSignal, Match, onCleanup, Show, Switch } from "solid-js";
import { ApiError } from "../../api/client";
import { uploadPhoto } from "../../api/uploads";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import { Icon } from "../Icon";
import { photoProblem, PHOTO_TYPES, type Problem } from "./photo-check";
import "./photo-upload.css";

type Sending = { kind: "sending"; preview: string; progress: number; cancel: () => void };
type State = { kind: "idle" } | Sending | { kind: "failed"; file: File; error: unknown };

/** A refusal (wrong file, too large) stays one; a lost connection or a server fault may not. */
const retryable = (error: unknown) => !(error instanceof ApiError) || error.status === 0 || error.status >= 500;

export function PhotoUpload(props: { current: string | null; onChange: (url: string | null) => void }) {
  const [state, setState] = createSignal<State>({ kind: "idle" });
  const [problem, setProblem] = createSignal<Problem | null>(null);
  const [news, setNews] = createSignal<MessageKey | null>(null);
  const [dragging, setDragging] = createSignal(false);
  let input!: HTMLInputElement;

  /** Moves on from the current attempt: cancels its request and frees its preview. */
  function moveTo(next: State) {
    const now = state();
    if (now.kind === "sending") {
      now.cancel();
      URL.revokeObjectURL(now.preview);
    }
    setState(next);
  }
  onCleanup(() => moveTo({ kind: "idle" }));

  function start(file: File) {
    const refused = photoProblem(file);
    setProblem(refused);
    if (refused) {
      setNews(null);
      return moveTo({ kind: "idle" });
    }
    const preview = URL.createObjectURL(file);
    const current = () => {
      const s = state();
      return s.kind === "sending" && s.preview === preview ? s : null;
    };
    const upload = uploadPhoto(file, (progress) => {
      const s = current();
      if (s) setState({ ...s, progress });
    });
    moveTo({ kind: "sending", preview, progress: 0, cancel: upload.cancel });
    setNews("upload.uploading");
    upload.done.then(
      (photo) => {
        if (!current()) return;
        moveTo({ kind: "idle" });
        props.onChange(photo.image_url);
        setNews("upload.done");
      },
      (error: unknown) => {
        if (!current()) return; // cancelled, or replaced by a newer photo
        moveTo({ kind: "failed", file, error });
        setNews(null);
      },
    );
  }

  function cancel() {
    moveTo({ kind: "idle" });
    setNews("upload.canceled");
  }

  function picked(event: Event & { currentTarget: HTMLInputElement }) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = ""; // choosing the same file again still counts
    if (file) start(file);
  }

  function dropped(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file && state().kind !== "sending") start(file);
  }

  function dragOver(event: DragEvent) {
    event.preventDefault();
    setDragging(true);
  }

  function dragLeave(event: DragEvent & { currentTarget: HTMLElement }) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  }

  const sending = () => {
    const s = state();
    return s.kind === "sending" ? s : null;
  };
  const failed = () => {
    const s = state();
    return s.kind === "failed" ? s : null;
  };

  return (
    <div class="photo-upload" classList={{ "is-dragging": dragging() }} onDragOver={dragOver} onDragLeave={dragLeave} onDrop={dropped}>
      {/* Reached through the visible buttons; hidden from assistive technology so it isn't a second one. */}
      <input ref={input} class="visually-hidden" type="file" tabindex="-1" aria-hidden="true" accept={PHOTO_TYPES.join(",")} onChange={picked} />
      <Switch>
        <Match when={sending()}>
          {(s) => (
            <div class="photo-upload__photo">
              <img src={s().preview} alt={t("upload.previewAlt")} />
              <div class="photo-upload__progress">
                <progress max="100" value={Math.round(s().progress * 100)} aria-label={t("upload.progress")} />
                <span>{Math.round(s().progress * 100)}%</span>
                <button type="button" class="button" onClick={cancel}>
                  {t("upload.cancel")}
                </button>
              </div>
            </div>
          )}
        </Match>
        <Match when={props.current}>
          {(url) => (
            <>
              <div class="photo-upload__photo">
                <img src={url()} alt={t("upload.storedAlt")} data-testid="stored-photo" onError={() => props.onChange(null)} />
              </div>
              <div class="photo-upload__actions">
                <button type="button" class="button" onClick={() => input.click()}>
                  <Icon name="upload" size={18} />
                  {t("upload.replace")}
                </button>
              </div>
            </>
          )}
        </Match>
        <Match when={true}>
          <div class="photo-upload__zone">
            <Icon name="upload" size={28} class="photo-upload__icon" />
            <p>{dragging() ? t("upload.dropHere") : t("upload.drop")}</p>
            <button type="button" class="button button--primary" onClick={() => input.click()}>
              {t("upload.choose")}
            </button>
            <p class="field__hint">{t("upload.rules")}</p>
          </div>
        </Match>
      </Switch>

      <p class="photo-upload__news" role="status">
        {news() ? t(news()!) : ""}
      </p>
      <Show when={problem()}>
        {(p) => (
          <p class="notice notice--error" role="alert">
            {t(p().key, p().vars)}
          </p>
        )}
      </Show>
      <Show when={failed()}>
        {(attempt) => (
          <div class="notice notice--error" role="alert">
            <p>
              {t("upload.failed")} {errorText(attempt().error)}
            </p>
            <Show when={retryable(attempt().error)}>
              <button type="button" class="button" onClick={() => start(attempt().file)}>
                {t("retry")}
              </button>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}
