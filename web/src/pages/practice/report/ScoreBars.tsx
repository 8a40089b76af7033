// Scores 0–100 as labelled horizontal bars: the report's five scores at a glance. With `max`,
// plain counts instead (the filler breakdown): bars relative to the largest, one colour.
import { For } from "solid-js";

export function ScoreBars(props: { label: string; scores: { name: string; score: number }[]; max?: number }) {
  const width = (n: number) => (props.max ? Math.round((n / props.max) * 100) : n);
  const band = (n: number) => (props.max ? "count" : n >= 80 ? "good" : n >= 55 ? "ok" : "low");
  return (
    <ul class="score-bars" role="list" aria-label={props.label}>
      <For each={props.scores}>
        {(s) => (
          <li>
            <span class="score-bars__name">{s.name}</span>
            <span class="score-bars__track" aria-hidden="true">
              <span class="score-bars__fill" data-band={band(s.score)} style={{ width: `${width(s.score)}%` }} />
            </span>
            <span class="score-bars__value">{s.score}</span>
          </li>
        )}
      </For>
    </ul>
  );
}
