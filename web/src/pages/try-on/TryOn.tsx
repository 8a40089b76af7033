// Try-on: the user's own full-length photo (with guidance for a good one), the clothes to put
// on it (?upper= / ?lower=, from a product page or the coordinator's outfit, ?room= when it
// came from a chat), the try-on itself with its progress and result, and earlier try-ons.
import { useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { TryOnTask } from "../../api/fitting";
import { PageHead } from "../../components/PageHead";
import { PhotoUpload } from "../../components/upload/PhotoUpload";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import { user } from "../../session/user";
import { lastPhoto, rememberPhoto } from "./last-photo";
import { SelectedClothes } from "./SelectedClothes";
import { TryOnHistory } from "./TryOnHistory";
import { TryOnResult } from "./TryOnResult";
import { TryOnRun } from "./TryOnRun";
import "./try-on.css";

const PHOTO_TIPS: readonly MessageKey[] = ["tryOn.photo.tip.whole", "tryOn.photo.tip.front", "tryOn.photo.tip.wall", "tryOn.photo.tip.light"];

export default function TryOn() {
  const [params, setParams] = useSearchParams<{ upper?: string; lower?: string; room?: string }>();
  // The frame renders pages only once the user is known.
  const userId = user()?.userId;
  const [photo, setPhoto] = createSignal(userId === undefined ? null : lastPhoto(userId));
  const [historyVersion, setHistoryVersion] = createSignal(0);
  const [opened, setOpened] = createSignal<TryOnTask | null>(null);
  const roomId = () => (params.room && /^\d+$/.test(params.room) ? Number(params.room) : undefined);

  function keepPhoto(url: string | null) {
    setPhoto(url);
    if (userId !== undefined) rememberPhoto(userId, url);
  }

  return (
    <>
      <PageHead title="tryOn.title" lead="tryOn.lead" />
      <div class="try-on">
        <section class="try-on__panel" aria-labelledby="try-on-photo">
          <h2 id="try-on-photo">{t("tryOn.photo.title")}</h2>
          <p class="try-on__hint">{t("tryOn.photo.hint")}</p>
          <ul class="try-on__tips" role="list">
            <For each={PHOTO_TIPS}>{(tip) => <li>{t(tip)}</li>}</For>
          </ul>
          <PhotoUpload current={photo()} onChange={keepPhoto} />
        </section>
        <section class="try-on__panel" aria-labelledby="try-on-clothes">
          <h2 id="try-on-clothes">{t("tryOn.clothes.title")}</h2>
          <SelectedClothes upper={params.upper} lower={params.lower} onRemove={(slot) => setParams({ [slot]: undefined })} />
          <TryOnRun photo={photo()} upper={params.upper} lower={params.lower} roomId={roomId()} onFinished={() => setHistoryVersion(historyVersion() + 1)} />
        </section>
      </div>
      <Show when={opened()}>
        {(task) => (
          <div class="try-on__opened">
            <TryOnResult task={task()} />
            <button type="button" class="button button--quiet" onClick={() => setOpened(null)}>
              {t("tryOn.history.close")}
            </button>
          </div>
        )}
      </Show>
      <TryOnHistory
        version={historyVersion()}
        onOpen={(task) => {
          setOpened(task);
          window.scrollTo({ top: 0, behavior: "smooth" });
        }}
      />
    </>
  );
}
