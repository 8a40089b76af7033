// Any path the router does not know. Stands outside the signed-in frame, so it never bounces
// a signed-out visitor to the login page for a typo.
import { LanguageSwitcher } from "../components/LanguageSwitcher";
import { t } from "../i18n/lang";
import { usePageTitle } from "../page-title";
import "./not-found.css";

export default function NotFound() {
  usePageTitle("notFound.title");
  return (
    <div class="not-found">
      <header class="not-found__top">
        <a class="brand" href="/style">
          Debut
        </a>
        <LanguageSwitcher />
      </header>
      <main id="main" class="not-found__body">
        <p class="not-found__code" aria-hidden="true">
          404
        </p>
        <h1>{t("notFound.title")}</h1>
        <p>{t("notFound.body")}</p>
        <a class="button button--primary" href="/style">
          {t("notFound.home")}
        </a>
      </main>
    </div>
  );
}
