// The frame around every signed-in page: skip link, header (brand, sections, language, user),
// and the main landmark. It asks the Worker who is signed in on entry; a 401 sends the
// visitor to /login with the page they wanted, so they come back to it after signing in.
import { useLocation, type RouteSectionProps } from "@solidjs/router";
import { createEffect, createSignal, on, onMount, Show, Suspense } from "solid-js";
import { fetchMe } from "../api/auth";
import { LanguageSwitcher } from "../components/LanguageSwitcher";
import { errorText } from "../i18n/error-text";
import { t } from "../i18n/lang";
import { isSignedOut, useSendToLogin } from "../session/guard";
import { setUser, user } from "../session/user";
import { PrimaryNav } from "./PrimaryNav";
import { UserMenu } from "./UserMenu";
import "./frame.css";

export default function AppFrame(props: RouteSectionProps) {
  const sendToLogin = useSendToLogin();
  const location = useLocation();
  const [failure, setFailure] = createSignal<{ error: unknown } | null>(null);
  let main!: HTMLElement;

  // Even when the login page has just set the user, ask again: the cookie is the truth.
  async function checkSession() {
    setFailure(null);
    try {
      setUser(await fetchMe());
    } catch (err) {
      if (isSignedOut(err)) sendToLogin();
      else if (!user()) setFailure({ error: err });
    }
  }
  onMount(checkSession);

  // After a client-side navigation, start screen readers and keyboards at the new page
  // (unless the page only put what it shows into the URL, and said so in the state).
  const keepsFocus = () => (location.state as { keepFocus?: boolean } | null)?.keepFocus === true;
  createEffect(on(() => location.pathname, () => keepsFocus() || main.focus({ preventScroll: true }), { defer: true }));

  function skipToMain(event: MouseEvent) {
    event.preventDefault(); // the router would otherwise treat "#main" as a navigation
    main.focus();
    main.scrollIntoView();
  }

  return (
    <div class="app">
      <a class="skip-link" href="#main" onClick={skipToMain}>
        {t("skip")}
      </a>
      <header class="app-header">
        <div class="app-header__inner">
          <a class="brand" href="/style">
            Debut
          </a>
          <PrimaryNav />
          <div class="app-header__tools">
            <LanguageSwitcher />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" class="app-main" tabindex="-1" ref={main}>
        <Show
          when={user()}
          fallback={
            <Show when={failure()} fallback={<p class="status-line" role="status">{t("loading")}</p>}>
              {(failed) => (
                <div class="notice notice--error" role="alert">
                  <p>{errorText(failed().error)}</p>
                  <button type="button" class="button" onClick={checkSession}>
                    {t("retry")}
                  </button>
                </div>
              )}
            </Show>
          }
        >
          <Suspense fallback={<p class="status-line" role="status">{t("loading")}</p>}>{props.children}</Suspense>
        </Show>
      </main>
    </div>
  );
}
