// A finished try-on: the original photo and the result side by side, a download link, and
// sharing the image itself where the browser can (the result's URL is private to its owner,
// so a link would not open for anyone else). An offline preview says so.
import { createSignal, Show } from "solid-js";
import type { TryOnTask } from "../../api/fitting";
import { Icon } from "../../components/Icon";
import { t } from "../../i18n/lang";

const canShareFiles = () => typeof navigator.share === "function" && typeof navigator.canShare === "function";

export function TryOnResult(props: { task: TryOnTask }) {
  const [shareFailed, setShareFailed] = createSignal(false);

  async function share() {
    const url = props.task.downloadUrl;
    if (!url) return;
    try {
      const blob = await (await fetch(url, { credentials: "include" })).blob();
      const file = new File([blob], `debut-try-on-${props.task.taskId.slice(0, 8)}.jpg`, { type: blob.type || "image/jpeg" });
      if (!navigator.canShare({ files: [file] })) throw new Error("cannot share files");
      await navigator.share({ files: [file], title: t("tryOn.result.shareTitle") });
    } catch (err) {
      if (err instanceof DOMException && err.name === "AbortError") return; // the user closed the sheet
      setShareFailed(true);
    }
  }

  return (
    <section class="try-on-result" aria-labelledby={`result-${props.task.taskId}`}>
      <h3 id={`result-${props.task.taskId}`}>{t("tryOn.result.title")}</h3>
      <div class="try-on-result__pair">
        <Show when={props.task.modelImageUrl}>
          {(src) => (
            <figure>
              <img src={src()} alt={t("tryOn.result.original")} loading="lazy" />
              <figcaption>{t("tryOn.result.original")}</figcaption>
            </figure>
          )}
        </Show>
        <Show when={props.task.downloadUrl}>
          {(src) => (
            <figure>
              <img src={src()} alt={t("tryOn.result.image")} />
              <figcaption>{t("tryOn.result.image")}</figcaption>
            </figure>
          )}
        </Show>
      </div>
      <Show when={props.task.provider === "local"}>
        <p class="try-on__hint">{t("tryOn.result.preview")}</p>
      </Show>
      <div class="try-on-result__actions">
        <Show when={props.task.downloadUrl}>
          {(href) => (
            <a class="button" href={href()} download={`debut-try-on-${props.task.taskId.slice(0, 8)}.jpg`}>
              <Icon name="download" size={18} />
              {t("tryOn.result.download")}
            </a>
          )}
        </Show>
        <Show when={canShareFiles()}>
          <button type="button" class="button" onClick={() => void share()}>
            <Icon name="share" size={18} />
            {t("tryOn.result.share")}
          </button>
        </Show>
      </div>
      <Show when={shareFailed()}>
        <p class="try-on__hint" role="status">
          {t("tryOn.result.shareFailed")}
        </p>
      </Show>
    </section>
  );
}
