// The attached photo in the message box: its thumbnail with the upload's progress, and a
// button to take it off again. Problems (a wrong file, a failed upload) are said beside it.
import { Show } from "solid-js";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import type { createPhotoAttachment } from "./photo-attachment";

export function PhotoAttachment(props: { attachment: ReturnType<typeof createPhotoAttachment> }) {
  const a = props.attachment;
  const percent = () => Math.round((a.photo()?.progress ?? 0) * 100);
  const news = () => (a.uploading() ? t("upload.uploading") : a.photo() ? t("upload.done") : "");
  return (
    <>
      <p class="visually-hidden" role="status">
        {news()}
      </p>
      <Show when={a.photo()}>
        {(photo) => (
          <div class="attachment" classList={{ "is-uploading": a.uploading() }}>
            <img src={photo().preview} alt={t("chat.attach.alt")} />
            <Show when={a.uploading()}>
              <progress class="attachment__progress" max="100" value={percent()} aria-label={t("upload.progress")} />
            </Show>
            <button type="button" class="attachment__remove" aria-label={a.uploading() ? t("upload.cancel") : t("chat.attach.remove")} onClick={() => a.remove()}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        )}
      </Show>
      <Show when={a.problem()}>
        {(p) => (
          <p class="composer__problem" role="alert">
            {t(p().key, p().vars)}
          </p>
        )}
      </Show>
      <Show when={a.failure()}>
        {(error) => (
          <p class="composer__problem" role="alert">
            {t("upload.failed")} {errorText(error())}
          </p>
        )}
      </Show>
    </>
  );
}
