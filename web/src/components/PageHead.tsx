// The top of every page: its one h1 and a sentence about what the page is for. Also keeps
// the tab title in step.
import { t } from "../i18n/lang";
import type { MessageKey } from "../i18n/ko";
import { usePageTitle } from "../page-title";
import "./page-head.css";

export function PageHead(props: { title: MessageKey; lead: MessageKey }) {
  usePageTitle(props.title);
  return (
    <header class="page-head">
      <h1>{t(props.title)}</h1>
      <p class="page-head__lead">{t(props.lead)}</p>
    </header>
  );
}
