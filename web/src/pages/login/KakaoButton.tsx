// "Sign in with Kakao" in Kakao's own look (container #FEE500, black symbol, label at 85%
// black, per Kakao Login's design guide). A real link: the Worker answers with a redirect to
// Kakao, so rel="external" keeps the SPA router from treating it as an in-app page.
import { t } from "../../i18n/lang";

export function KakaoButton(props: { href: string }) {
  return (
    <a class="button button--kakao" href={props.href} rel="external">
      <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
        <path
          fill="#000"
          d="M12 3.5c-5.2 0-9.4 3.3-9.4 7.4 0 2.6 1.8 4.9 4.4 6.3l-1.1 4c-.1.4.3.7.6.5l4.7-3.1c.3 0 .5.1.8.1 5.2 0 9.4-3.3 9.4-7.4S17.2 3.5 12 3.5z"
        />
      </svg>
      <span>{t("login.kakao")}</span>
    </a>
  );
}
