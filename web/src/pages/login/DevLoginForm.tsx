// The development sign-in: a nickname and nothing else. Only rendered when the server says
// DEV_LOGIN is on; the server refuses it otherwise anyway.
import { createSignal, Show } from "solid-js";
import { devLogin, type User } from "../../api/auth";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";

export function DevLoginForm(props: { onSignedIn: (user: User) => void }) {
  const [nickname, setNickname] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [invalid, setInvalid] = createSignal(false);
  const [problem, setProblem] = createSignal<{ error: unknown } | null>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const name = nickname().trim();
    // Checked here too so the message is in the chosen language, not the browser's.
    if (name.length < 1 || [...name].length > 30) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setProblem(null);
    setBusy(true);
    try {
      props.onSignedIn(await devLogin(name));
    } catch (err) {
      setProblem({ error: err });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="dev-login" onSubmit={submit} novalidate aria-labelledby="dev-login-title">
      <h3 id="dev-login-title">{t("login.dev.heading")}</h3>
      <div class="field">
        <label class="field__label" for="dev-nickname">
          {t("login.dev.nickname")}
        </label>
        <input
          id="dev-nickname"
          class="input"
          name="nickname"
          autocomplete="nickname"
          maxLength={30}
          value={nickname()}
          onInput={(e) => setNickname(e.currentTarget.value)}
          aria-invalid={invalid()}
          aria-describedby={invalid() ? "dev-nickname-error dev-nickname-hint" : "dev-nickname-hint"}
        />
        <p id="dev-nickname-hint" class="field__hint">
          {t("login.dev.hint")}
        </p>
        <Show when={invalid()}>
          <p id="dev-nickname-error" class="field__error">
            {t("login.dev.invalid")}
          </p>
        </Show>
      </div>
      <button type="submit" class="button button--primary" disabled={busy()}>
        {busy() ? t("login.dev.submitting") : t("login.dev.submit")}
      </button>
      <Show when={problem()}>
        {(failed) => (
          <p class="notice notice--error" role="alert">
            {errorText(failed().error)}
          </p>
        )}
      </Show>
    </form>
  );
}
