// Sign-in: the brand, the pitch, and whichever sign-in methods this server offers (Kakao
// and/or the development nickname login), plus a readable reason when Kakao sent the user
// back with ?error=. After signing in, the user lands on the page they were trying to reach.
import { useNavigate, useSearchParams } from "@solidjs/router";
import { createResource, For, Match, onMount, Show, Switch } from "solid-js";
import { fetchAuthConfig, fetchMe, kakaoLoginUrl } from "../../api/auth";
import { Icon, type IconName } from "../../components/Icon";
import { LanguageSwitcher } from "../../components/LanguageSwitcher";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import { usePageTitle } from "../../page-title";
import { safeReturnPath } from "../../session/return-to";
import { setUser } from "../../session/user";
import { DevLoginForm } from "./DevLoginForm";
import { KakaoButton } from "./KakaoButton";
import "./login.css";

const ERROR_MESSAGES: Record<string, MessageKey> = {
  kakao_denied: "login.error.kakao_denied",
  kakao_failed: "login.error.kakao_failed",
  state_mismatch: "login.error.state_mismatch",
  config: "login.error.config",
  rate_limited: "login.error.rate_limited",
};

const FEATURES: readonly [IconName, MessageKey][] = [
  ["style", "login.feature.style"],
  ["tryOn", "login.feature.tryOn"],
  ["practice", "login.feature.practice"],
  ["progress", "login.feature.progress"],
];

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default function Login() {
  usePageTitle("login.title");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [config, { refetch }] = createResource(fetchAuthConfig);

  const returnTo = () => safeReturnPath(first(params.return_to) ?? first(params.redirect));
  const error = () => {
    const code = first(params.error);
    return code ? t(ERROR_MESSAGES[code] ?? "login.error.generic") : null;
  };

  // Someone already signed in (a bookmark, the back button) goes straight on, unless they
  // were just sent back with an error they should read first.
  onMount(async () => {
    if (error()) return;
    try {
      setUser(await fetchMe());
      navigate(returnTo(), { replace: true });
    } catch {
      // Not signed in: this page is where they should be.
    }
  });

  return (
    <div class="login">
      <header class="login__top">
        <LanguageSwitcher />
      </header>
      <main id="main" class="login__main">
        <section class="login__intro">
          <h1 class="login__wordmark">Debut</h1>
          <p class="login__pitch">{t("brand.tagline")}</p>
          <ul class="login__features" role="list">
            <For each={FEATURES}>
              {([icon, text]) => (
                <li>
                  <Icon name={icon} size={22} />
                  <span>{t(text)}</span>
                </li>
              )}
            </For>
          </ul>
        </section>

        <section class="login__card" aria-labelledby="login-title">
          <h2 id="login-title">{t("login.welcome")}</h2>
          <Show when={error()}>
            {(text) => (
              <div class="notice notice--error" role="alert">
                <p>{text()}</p>
              </div>
            )}
          </Show>
          <Switch>
            <Match when={config.error !== undefined && !config.loading}>
              <div class="notice notice--error" role="alert">
                <p>
                  {t("login.configFailed")} {errorText(config.error)}
                </p>
                <button type="button" class="button" onClick={refetch}>
                  {t("retry")}
                </button>
              </div>
            </Match>
            <Match when={config.state === "ready" ? config() : undefined}>
              {(methods) => (
                <div class="login__methods">
                  <Show when={methods().kakao}>
                    <KakaoButton href={kakaoLoginUrl(returnTo())} />
                  </Show>
                  <Show when={methods().kakao && methods().devLogin}>
                    <p class="login__or">
                      <span>{t("login.or")}</span>
                    </p>
                  </Show>
                  <Show when={methods().devLogin}>
                    <DevLoginForm
                      onSignedIn={(user) => {
                        setUser(user);
                        navigate(returnTo(), { replace: true });
                      }}
                    />
                  </Show>
                  <Show when={!methods().kakao && !methods().devLogin}>
                    <p class="notice notice--info">{t("login.none")}</p>
                  </Show>
                </div>
              )}
            </Match>
            <Match when={config.loading}>
              <p class="status-line" role="status">
                {t("loading")}
              </p>
            </Match>
          </Switch>
        </section>
      </main>
    </div>
  );
}
