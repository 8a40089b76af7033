// The browser's own speech services, where it has them: recognition for the user's turns
// with the local partner (Chrome's webkitSpeechRecognition), and synthesis to speak the
// partner's lines.
type Recognition = {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onspeechstart: (() => void) | null;
  onend: (() => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  start(): void;
  stop(): void;
};

const Ctor = (globalThis as unknown as { SpeechRecognition?: new () => Recognition; webkitSpeechRecognition?: new () => Recognition }).SpeechRecognition ??
  (globalThis as unknown as { webkitSpeechRecognition?: new () => Recognition }).webkitSpeechRecognition;

export const canRecognise = () => Ctor !== undefined;
export const canSpeak = () => typeof speechSynthesis !== "undefined";

const LOCALE = { ko: "ko-KR", en: "en-US" } as const;

/** Listens for one utterance; `onText` gets the final text with when speech began and ended (performance.now()). */
export function listenOnce(language: "ko" | "en", onText: (text: string, startedAt: number, endedAt: number) => void, onEnd: (error?: string) => void): { stop(): void } {
  const r = new Ctor!();
  r.lang = LOCALE[language];
  r.interimResults = false;
  r.continuous = false;
  let startedAt = performance.now();
  r.onspeechstart = () => (startedAt = performance.now());
  r.onresult = (e) => {
    const result = e.results[e.results.length - 1];
    if (result?.isFinal && result[0]?.transcript.trim()) onText(result[0].transcript.trim(), startedAt, performance.now());
  };
  r.onerror = (e) => onEnd(e.error);
  r.onend = () => onEnd();
  r.start();
  return { stop: () => r.stop() };
}

export function speak(text: string, language: "ko" | "en"): void {
  if (!canSpeak()) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = LOCALE[language];
  speechSynthesis.speak(u);
}

export function stopSpeaking(): void {
  if (canSpeak()) speechSynthesis.cancel();
}
