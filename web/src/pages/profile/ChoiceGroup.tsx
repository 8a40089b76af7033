// A labelled set of radio buttons drawn as pills, with a "not set" choice first so a fact
// can be cleared as easily as it was given.
import { For } from "solid-js";
import { t } from "../../i18n/lang";

export type Choice = { value: string; label: string };

export function ChoiceGroup(props: { name: string; legend: string; choices: Choice[]; value: string; onChange: (value: string) => void }) {
  const all = () => [{ value: "", label: t("profile.notSet") }, ...props.choices];
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{props.legend}</legend>
      <div class="pills">
        <For each={all()}>
          {(choice) => (
            <label class="pill">
              <input
                type="radio"
                name={props.name}
                value={choice.value}
                checked={props.value === choice.value}
                onChange={() => props.onChange(choice.value)}
              />
              <span>{choice.label}</span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
