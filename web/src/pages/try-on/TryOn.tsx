// Try-on: the user's own full-length photo and the clothes to put on it. The fitting itself
// comes later; the photo is uploaded and remembered now, and the clothes picked in the
// catalog arrive as ?upper= / ?lower=.
import { useSearchParams } from "@solidjs/router";
import { createSignal, For } from "solid-js";
import { PageHead } from "../../components/PageHead";
import { PhotoUpload } from "../../components/upload/PhotoUpload";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import { user } from "../../session/user";
import { lastPhoto, rememberPhoto } from "./last-photo";
import { SelectedClothes } from "./SelectedClothes";
import "./try-on.css";

const STEPS: readonly MessageKey[] = ["tryOn.step.photo", "tryOn.step.pick", "tryOn.step.see"];

export default function TryOn() {
  const [params] = useSearchParams<{ upper?: string; lower?: string }>();
  // The frame renders pages only once the user is known.
  const userId = user()?.userId;
  const [photo, setPhoto] = createSignal(userId === undefined ? null : lastPhoto(userId));

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
          <PhotoUpload current={photo()} onChange={keepPhoto} />
        </section>
        <section class="try-on__panel" aria-labelledby="try-on-clothes">
          <h2 id="try-on-clothes">{t("tryOn.clothes.title")}</h2>
          <SelectedClothes upper={params.upper} lower={params.lower} />
        </section>
      </div>
      <section class="try-on__steps" aria-labelledby="try-on-steps">
        <h2 id="try-on-steps">{t("tryOn.steps.title")}</h2>
        <ol role="list">
          <For each={STEPS}>{(step) => <li>{t(step)}</li>}</For>
        </ol>
        <p class="try-on__soon">
          <span class="badge">{t("comingSoon")}</span>
          {t("tryOn.soon")}
        </p>
      </section>
    </>
  );
}
