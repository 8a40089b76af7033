// Profile: the facts the stylists use (height, body shape, skin tone, whose clothes to
// recommend, preferred styles). Saved with PATCH /api/auth/me/profile; an empty field is
// sent as null, which clears it on the server.
import { createSignal, Show } from "solid-js";
import { BODY_SHAPES, GENDERS, SKIN_TONES, updateProfile, type Profile as ProfileFacts } from "../../api/auth";
import { PageHead } from "../../components/PageHead";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import { isSignedOut, useSendToLogin } from "../../session/guard";
import { setUser, user } from "../../session/user";
import { ChoiceGroup } from "./ChoiceGroup";
import { StyleChips } from "./StyleChips";
import "./profile.css";

const MIN_HEIGHT = 100;
const MAX_HEIGHT = 230;

type Outcome = { kind: "saved" } | { kind: "failed"; error: unknown } | null;

const options = <T extends string>(values: readonly T[], prefix: string) =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));

/** "" → null (cleared), otherwise a whole number in range, or undefined when invalid. */
function parseHeight(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= MIN_HEIGHT && value <= MAX_HEIGHT ? value : undefined;
}

export default function Profile() {
  const sendToLogin = useSendToLogin();
  // The frame renders pages only once the user is known.
  const initial = user()?.profile;
  const [height, setHeight] = createSignal(initial?.heightCm?.toString() ?? "");
  const [bodyShape, setBodyShape] = createSignal<string>(initial?.bodyShape ?? "");
  const [skinTone, setSkinTone] = createSignal<string>(initial?.skinTone ?? "");
  const [gender, setGender] = createSignal<string>(initial?.gender ?? "");
  const [styles, setStyles] = createSignal<string[]>(initial?.preferredStyles ?? []);
  const [heightInvalid, setHeightInvalid] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome>(null);
  let heightInput!: HTMLInputElement;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const heightCm = parseHeight(height());
    setHeightInvalid(heightCm === undefined);
    if (heightCm === undefined) {
      heightInput.focus();
      return;
    }
    // Values come from our own option lists, so the casts only restate what the controls allow.
    const patch: Partial<ProfileFacts> = {
      heightCm,
      bodyShape: (bodyShape() || null) as ProfileFacts["bodyShape"],
      skinTone: (skinTone() || null) as ProfileFacts["skinTone"],
      gender: (gender() || null) as ProfileFacts["gender"],
      preferredStyles: styles(),
    };
    setBusy(true);
    setOutcome(null);
    try {
      setUser(await updateProfile(patch));
      setOutcome({ kind: "saved" });
    } catch (err) {
      if (isSignedOut(err)) return sendToLogin();
      setOutcome({ kind: "failed", error: err });
    } finally {
      setBusy(false);
    }
  }

  // Any edit makes an earlier "Saved." stale.
  const edited = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setOutcome(null);
  };

  return (
    <>
      <PageHead title="profile.title" lead="profile.lead" />
      <Show when={user()}>
        {(me) => (
          <p class="profile-account">
            <Show when={me().profileImage} fallback={<span class="avatar" aria-hidden="true">{[...me().nickname][0]?.toUpperCase()}</span>}>
              {(src) => <img class="avatar" src={src()} alt="" width="32" height="32" referrerPolicy="no-referrer" />}
            </Show>
            <span>
              <strong>{me().nickname}</strong>
              <span class="profile-account__provider">{t(me().provider === "kakao" ? "profile.account.kakao" : "profile.account.dev")}</span>
            </span>
          </p>
        )}
      </Show>

      <form class="profile-form" onSubmit={save} novalidate>
        <div class="profile-form__row">
          <div class="field">
            <label class="field__label" for="profile-height">
              {t("profile.height")}
            </label>
            <input
              ref={heightInput}
              id="profile-height"
              class="input"
              type="number"
              inputmode="numeric"
              min={MIN_HEIGHT}
              max={MAX_HEIGHT}
              step="1"
              value={height()}
              onInput={(e) => edited(setHeight)(e.currentTarget.value)}
              aria-invalid={heightInvalid()}
              aria-describedby={heightInvalid() ? "profile-height-error profile-height-hint" : "profile-height-hint"}
            />
            <p id="profile-height-hint" class="field__hint">
              {t("profile.height.hint")}
            </p>
            <Show when={heightInvalid()}>
              <p id="profile-height-error" class="field__error">
                {t("profile.height.invalid")}
              </p>
            </Show>
          </div>

          <div class="field">
            <label class="field__label" for="profile-body-shape">
              {t("profile.bodyShape")}
            </label>
            <select id="profile-body-shape" class="select" value={bodyShape()} onChange={(e) => edited(setBodyShape)(e.currentTarget.value)}>
              <option value="">{t("profile.notSet")}</option>
              {options(BODY_SHAPES, "profile.bodyShape").map((o) => (
                <option value={o.value} selected={bodyShape() === o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        </div>

        <ChoiceGroup name="skinTone" legend={t("profile.skinTone")} choices={options(SKIN_TONES, "profile.skinTone")} value={skinTone()} onChange={edited(setSkinTone)} />
        <ChoiceGroup name="gender" legend={t("profile.gender")} choices={options(GENDERS, "profile.gender")} value={gender()} onChange={edited(setGender)} />
        <StyleChips selected={styles()} onChange={edited(setStyles)} />

        <div class="profile-form__actions">
          <button type="submit" class="button button--primary" disabled={busy()}>
            {busy() ? t("profile.saving") : t("profile.save")}
          </button>
          <div class="profile-form__outcome" role="status" aria-live="polite">
            <Show when={outcome()} keyed>
              {(result) =>
                result.kind === "saved" ? (
                  <p class="notice notice--success">{t("profile.saved")}</p>
                ) : (
                  <p class="notice notice--error">{t("profile.saveFailed", { message: errorText(result.error) })}</p>
                )
              }
            </Show>
          </div>
        </div>
      </form>
    </>
  );
}
