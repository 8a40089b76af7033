// The live rehearsal: the partner's lines as they stream (spoken aloud where the browser can),
// a running transcript, a microphone with a level meter (audio to the OpenAI partner; the
// browser's speech recognition for the local one), typing always, a timer, and the end,
// which scores the session and opens its report.
import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import { endSession, fetchSession, type SessionDetail } from "../../api/voice";
import { Icon } from "../../components/Icon";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";
import { usePageTitle } from "../../page-title";
import { MicUnavailable, PcmPlayer, startMic, type Mic } from "./live/audio";
import { RealtimeLink, type Line } from "./live/realtime";
import { canRecognise, canSpeak, listenOnce, speak, stopSpeaking } from "./live/speech";
import "./practice.css";

type MicState = "off" | "starting" | "on" | "denied" | "absent" | "unsupported";
const MIC_PROBLEM: Partial<Record<MicState, MessageKey>> = { denied: "practice.live.mic.denied", absent: "practice.live.mic.absent", unsupported: "practice.live.mic.unsupported" };
const CLOSED: Record<string, MessageKey> = {
  idle_timeout: "practice.live.closed.idle",
  session_expired: "practice.live.closed.expired",
  upstream_closed: "practice.live.closed.upstream",
  upstream_unavailable: "practice.live.closed.upstream",
  engine_unavailable: "practice.live.closed.upstream",
};

export default function Live() {
  usePageTitle("practice.live.title");
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const [session] = createResource(() => params.id, fetchSession);

  createEffect(() => {
    const s = session();
    if (s && (s.status === "ended" || s.status === "failed")) navigate(`/practice/${s.id}/report`, { replace: true });
  });

  return (
    <Switch fallback={<p class="practice-muted">{t("loading")}</p>}>
      <Match when={session.error}>
        <p class="notice notice--error" role="alert">
          {errorText(session.error)}
        </p>
      </Match>
      {/* A finished session goes to its report (the effect above). */}
      <Match when={session()?.status === "ended" || session()?.status === "failed"}>
        <p class="practice-muted">{t("loading")}</p>
      </Match>
      <Match when={session()}>{(s) => <LiveScreen session={s()} />}</Match>
    </Switch>
  );
}

function LiveScreen(props: { session: SessionDetail }) {
  const s = props.session;
  const language = s.language;
  const navigate = useNavigate();
  const [lines, setLines] = createSignal<Line[]>(
    s.turns.map((turn) => ({ key: `stored-${turn.seq}`, speaker: turn.speaker, text: turn.text, done: true })),
  );
  const [status, setStatus] = createSignal<"connecting" | "live" | "closed">("connecting");
  const [notice, setNotice] = createSignal<string | null>(null);
  const [mic, setMic] = createSignal<MicState>("off");
  const [level, setLevel] = createSignal(0);
  const [speaking, setSpeaking] = createSignal(false);
  const [aloud, setAloud] = createSignal(s.engine === "local" && canSpeak());
  const [draft, setDraft] = createSignal("");
  const [ending, setEnding] = createSignal(false);
  const [seconds, setSeconds] = createSignal(0);
  let offset = 0;
  let micHandle: Mic | { stop(): void } | null = null;
  const player = new PcmPlayer();

  const upsert = (line: Line) =>
    setLines((all) => {
      const i = all.findIndex((l) => l.key === line.key);
      if (i < 0) return [...all, line];
      const next = all.slice();
      next[i] = line;
      return next;
    });

  const link = new RealtimeLink(s.id, {
    onOpen(info) {
      setStatus("live");
      offset = (info.elapsedMs ?? 0) - performance.now();
    },
    onLine(line) {
      upsert(line);
      if (line.speaker === "partner" && line.done && aloud() && s.engine === "local") speak(line.text, language);
    },
    onAudio: (chunk) => player.play(chunk),
    onSpeech: setSpeaking,
    onError(code, message) {
      const known = CLOSED[code];
      setNotice(known ? t(known) : message);
    },
    onClose(code) {
      setStatus("closed");
      stopMic();
      if (code === 1000 || ending()) return;
      setNotice((n) => n ?? t("practice.live.closed.lost"));
    },
  });
  link.open();

  const timer = setInterval(() => status() === "live" && setSeconds((n) => n + 1), 1000);
  onCleanup(() => {
    clearInterval(timer);
    stopMic();
    stopSpeaking();
    player.stop();
    link.close();
  });

  function stopMic() {
    micHandle?.stop();
    micHandle = null;
    setMic((m) => (m === "on" || m === "starting" ? "off" : m));
    setLevel(0);
  }

  async function toggleMic() {
    if (mic() === "on" || mic() === "starting") return stopMic();
    stopSpeaking();
    if (s.engine === "openai") {
      setMic("starting");
      try {
        micHandle = await startMic((frame) => link.appendAudio(frame), setLevel);
        setMic("on");
      } catch (err) {
        setMic(err instanceof MicUnavailable ? err.reason : "absent");
      }
      return;
    }
    if (!canRecognise()) return setMic("unsupported");
    setMic("on");
    micHandle = listenOnce(
      language,
      (text, startedAt, endedAt) => link.say(text, "speech", { start_ms: Math.max(0, Math.round(startedAt + offset)), end_ms: Math.max(0, Math.round(endedAt + offset)) }),
      (error) => {
        micHandle = null;
        setMic(error === "not-allowed" ? "denied" : error === "audio-capture" ? "absent" : "off");
      },
    );
  }

  function send(e: SubmitEvent) {
    e.preventDefault();
    const text = draft().trim();
    if (!text || status() !== "live") return;
    stopSpeaking();
    link.say(text, "text");
    setDraft("");
  }

  async function end() {
    setEnding(true);
    try {
      await endSession(s.id);
      navigate(`/practice/${s.id}/report`);
    } catch (err) {
      setNotice(errorText(err));
      setEnding(false);
    }
  }

  const clock = () => `${Math.floor(seconds() / 60)}:${String(seconds() % 60).padStart(2, "0")}`;
  const partnerName = s.scenario.partner.name[language];
  let transcript: HTMLOListElement | undefined;
  createEffect(() => {
    lines();
    transcript?.lastElementChild?.scrollIntoView({ block: "nearest" });
  });

  return (
    <div class="live">
      <header class="live__head">
        <div>
          <p class="practice-muted">{s.scenario.partner.role[language]}</p>
          <h1>{s.scenario.title[language]}</h1>
          <p class="live__goal">{s.scenario.goal[language]}</p>
        </div>
        <div class="live__meta">
          <span class="live__status" data-status={status()}>
            {t(status() === "live" ? "practice.live.status.live" : status() === "connecting" ? "practice.live.status.connecting" : "practice.live.status.closed")}
          </span>
          <time class="live__clock" aria-label={t("practice.live.elapsed")}>
            {clock()}
          </time>
          <span class="practice-muted">{t(s.engine === "openai" ? "practice.live.engine.openai" : "practice.live.engine.local")}</span>
        </div>
      </header>

      <Show when={notice()}>
        <div class="notice notice--error" role="alert">
          <p>{notice()}</p>
          <Show when={status() === "closed"}>
            <A class="button" href={`/practice/${s.id}/report`} onClick={(e) => (e.preventDefault(), void end())}>
              {t("practice.live.seeReport")}
            </A>
          </Show>
        </div>
      </Show>

      <ol class="live__transcript" ref={transcript} aria-live="polite" aria-label={t("practice.live.transcript")}>
        <For each={lines()}>
          {(line) => (
            <li class="live__line" data-speaker={line.speaker}>
              <span class="live__who">{line.speaker === "partner" ? partnerName : t("practice.live.you")}</span>
              <p>
                {line.text}
                <Show when={!line.done}>
                  <span class="live__typing" aria-hidden="true">
                    …
                  </span>
                </Show>
              </p>
            </li>
          )}
        </For>
      </ol>

      <div class="live__controls">
        <div class="live__mic">
          <button
            type="button"
            class="live__mic-button"
            classList={{ "live__mic-button--on": mic() === "on" }}
            aria-pressed={mic() === "on"}
            disabled={status() !== "live"}
            onClick={() => void toggleMic()}
          >
            <Icon name="practice" size={22} />
            <span>{t(mic() === "on" ? "practice.live.mic.stop" : "practice.live.mic.start")}</span>
          </button>
          <div class="live__level" role="meter" aria-label={t("practice.live.level")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(level() * 100)}>
            <span style={{ width: `${Math.min(100, Math.round(level() * 400))}%` }} />
          </div>
          <Show when={speaking()}>
            <span class="practice-muted">{t("practice.live.hearing")}</span>
          </Show>
          <Show when={MIC_PROBLEM[mic()]}>{(key) => <p class="live__mic-problem">{t(key())}</p>}</Show>
          <Show when={s.engine === "local" && canSpeak()}>
            <label class="live__aloud">
              <input type="checkbox" checked={aloud()} onChange={(e) => setAloud(e.currentTarget.checked)} /> {t("practice.live.aloud")}
            </label>
          </Show>
        </div>
        <form class="live__compose" onSubmit={send}>
          <label for="live-draft" class="visually-hidden">
            {t("practice.live.typeLabel")}
          </label>
          <textarea
            id="live-draft"
            rows={2}
            maxLength={4000}
            placeholder={t("practice.live.typePlaceholder")}
            value={draft()}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <button type="submit" class="button" disabled={status() !== "live" || !draft().trim()}>
            {t("practice.live.send")}
          </button>
        </form>
        <button type="button" class="button button--quiet live__end" disabled={ending()} onClick={() => void end()}>
          {t(ending() ? "practice.live.ending" : "practice.live.end")}
        </button>
      </div>
    </div>
  );
}
