// A labelled group of pills: checkboxes when several may be chosen, radio buttons otherwise
// (give those an option with the empty value for "all").
import { For } from "solid-js";

export type Option = { value: string; label: string };

export function PillChoice(props: { legend: string; name: string; options: Option[]; selected: string[]; multiple?: boolean; onChange: (selected: string[]) => void }) {
  function toggle(value: string, on: boolean) {
    if (!props.multiple) return props.onChange(value ? [value] : []);
    const next = new Set(props.selected);
    if (on) next.add(value);
    else next.delete(value);
    props.onChange(props.options.map((o) => o.value).filter((v) => next.has(v)));
  }

  const checked = (value: string) => (value ? props.selected.includes(value) : props.selected.length === 0);

  return (
    <fieldset class="fieldset filter">
      <legend class="fieldset__legend filter__legend">{props.legend}</legend>
      <div class="pills pills--small">
        <For each={props.options}>
          {(option) => (
            <label class={props.multiple ? "pill pill--chip" : "pill"}>
              <input
                type={props.multiple ? "checkbox" : "radio"}
                name={props.name}
                value={option.value}
                checked={checked(option.value)}
                onChange={(e) => toggle(option.value, e.currentTarget.checked)}
              />
              <span>{option.label}</span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
