// The connection broke before every answer arrived: say so, and offer to load the room again
// (which also picks up a turn still being answered).
import { t } from "../../i18n/lang";

export function StreamBanner(props: { onReconnect: () => void }) {
  return (
    <div class="notice notice--error stream-banner" role="alert">
      <p>{t("chat.stream.broken")}</p>
      <button type="button" class="button" onClick={() => props.onReconnect()}>
        {t("chat.stream.reconnect")}
      </button>
    </div>
  );
}
