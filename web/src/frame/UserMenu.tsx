// Who is signed in, and the way out. Logging out ends the server session first; only then
// does the SPA forget the user, so a failed logout never pretends to have worked.
import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { logout } from "../api/auth";
import { Icon } from "../components/Icon";
import { errorText } from "../i18n/error-text";
import { t } from "../i18n/lang";
import { setUser, user } from "../session/user";

export function UserMenu() {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<{ error: unknown } | null>(null);

  async function logOut() {
    setBusy(true);
    setProblem(null);
    try {
      await logout();
      setUser(null);
      navigate("/login", { replace: true });
    } catch (err) {
      setProblem({ error: err });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="user-menu">
      <Show when={user()}>
        {(me) => (
          <span class="user-menu__who">
            <Show when={me().profileImage} fallback={<span class="avatar" aria-hidden="true">{[...me().nickname][0]?.toUpperCase()}</span>}>
              {(src) => <img class="avatar" src={src()} alt="" width="32" height="32" referrerPolicy="no-referrer" />}
            </Show>
            <span class="user-menu__name" data-testid="nickname">{me().nickname}</span>
          </span>
        )}
      </Show>
      <button type="button" class="button button--quiet user-menu__logout" onClick={logOut} disabled={busy()}>
        <Icon name="logout" size={18} />
        <span class="user-menu__logout-label">{busy() ? t("user.loggingOut") : t("user.logout")}</span>
      </button>
      <Show when={problem()}>
        {(failed) => (
          <p class="user-menu__problem" role="alert">
            {t("user.logoutFailed")} {errorText(failed().error)}
          </p>
        )}
      </Show>
    </div>
  );
}
