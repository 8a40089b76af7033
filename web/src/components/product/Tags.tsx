// Style and occasion tags as a list of small labels.
import { For } from "solid-js";
import "./tags.css";

export function Tags(props: { items: string[] }) {
  return (
    <ul class="tags" role="list">
      <For each={props.items}>{(tag) => <li class="tag">{tag}</li>}</For>
    </ul>
  );
}
