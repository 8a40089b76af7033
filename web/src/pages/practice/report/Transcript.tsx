// The session's transcript, the user's fillers marked where the report found them.
import { For, Show } from "solid-js";
import type { Report, Turn } from "../../../api/voice";

export function Transcript(props: { turns: Turn[]; fillers: Report["metrics"]["fillers"]["byTurn"]; you: string; partner: string; label: string }) {
  const hitsOf = (seq: number) => props.fillers.find((f) => f.seq === seq)?.hits ?? [];
  const pieces = (turn: Turn) => {
    const out: { text: string; filler: boolean }[] = [];
    let at = 0;
    for (const h of [...hitsOf(turn.seq)].sort((a, b) => a.start - b.start)) {
      if (h.start > at) out.push({ text: turn.text.slice(at, h.start), filler: false });
      out.push({ text: turn.text.slice(h.start, h.end), filler: true });
      at = h.end;
    }
    if (at < turn.text.length) out.push({ text: turn.text.slice(at), filler: false });
    return out;
  };
  return (
    <ol class="report-transcript" aria-label={props.label}>
      <For each={props.turns}>
        {(turn) => (
          <li data-speaker={turn.speaker}>
            <span class="live__who">{turn.speaker === "user" ? props.you : props.partner}</span>
            <p>
              <For each={pieces(turn)}>{(p) => <Show when={p.filler} fallback={p.text}><mark>{p.text}</mark></Show>}</For>
            </p>
          </li>
        )}
      </For>
    </ol>
  );
}
