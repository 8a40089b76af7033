// The filter panel: category, gender, color, style, occasion, season and price. Beside the
// results on wide screens; behind a "Filters" button on phones.
import { createSignal, For, Show } from "solid-js";
import { CATEGORIES, SEASONS, seasonName, STYLE_TAGS, styleLabel, TPO_TAGS, tpoLabel } from "../../catalog/labels";
import { lang, t } from "../../i18n/lang";
import { activeFilters, cleared, type CatalogQuery } from "./catalog-query";
import { ColorChoice } from "./ColorChoice";
import { PillChoice, type Option } from "./PillChoice";
import { PriceRange } from "./PriceRange";

const keys = <T extends object>(record: T) => Object.keys(record) as (keyof T & string)[];

export function Filters(props: { query: CatalogQuery; onChange: (patch: Partial<CatalogQuery>) => void }) {
  const [open, setOpen] = createSignal(false);
  const count = () => activeFilters(props.query);
  const all = (): Option => ({ value: "", label: t("catalog.filter.all") });
  const one = (value: string) => (value ? [value] : []);

  return (
    <section class="filters" aria-labelledby="filters-title">
      <div class="filters__head">
        <h2 id="filters-title" class="filters__title">
          {t("catalog.filters")}
        </h2>
        <button type="button" class="button filters__toggle" aria-expanded={open()} aria-controls="filters-panel" onClick={() => setOpen(!open())}>
          {t("catalog.filters")}
          <Show when={count()}>
            <span class="filters__count">{count()}</span>
          </Show>
        </button>
        <Show when={count()}>
          <button type="button" class="button button--quiet filters__clear" onClick={() => props.onChange(cleared(false))}>
            {t("catalog.filters.clear")}
          </button>
        </Show>
      </div>
      <div id="filters-panel" class="filters__panel" classList={{ "is-open": open() }}>
        <PillChoice
          legend={t("catalog.filter.category")}
          name="category"
          multiple
          options={keys(CATEGORIES).map((key) => ({ value: key, label: CATEGORIES[key][lang()] }))}
          selected={props.query.category}
          onChange={(category) => props.onChange({ category })}
        />
        <PillChoice
          legend={t("catalog.filter.gender")}
          name="gender"
          options={[all(), { value: "women", label: t("catalog.filter.gender.women") }, { value: "men", label: t("catalog.filter.gender.men") }]}
          selected={one(props.query.gender)}
          onChange={([gender = ""]) => props.onChange({ gender })}
        />
        <ColorChoice selected={props.query.color} onChange={(color) => props.onChange({ color })} />
        <TagSelect
          id="filter-style"
          label={t("catalog.filter.style")}
          options={keys(STYLE_TAGS).map((tag) => ({ value: tag, label: styleLabel(tag) }))}
          value={props.query.style}
          onChange={(style) => props.onChange({ style })}
        />
        <TagSelect
          id="filter-tpo"
          label={t("catalog.filter.tpo")}
          options={keys(TPO_TAGS).map((tag) => ({ value: tag, label: tpoLabel(tag) }))}
          value={props.query.tpo}
          onChange={(tpo) => props.onChange({ tpo })}
        />
        <PillChoice
          legend={t("catalog.filter.season")}
          name="season"
          options={[all(), ...keys(SEASONS).map((key) => ({ value: key, label: seasonName(key) }))]}
          selected={one(props.query.season)}
          onChange={([season = ""]) => props.onChange({ season })}
        />
        <PriceRange min={props.query.min_price} max={props.query.max_price} onChange={(min_price, max_price) => props.onChange({ min_price, max_price })} />
      </div>
    </section>
  );
}

function TagSelect(props: { id: string; label: string; options: Option[]; value: string; onChange: (value: string) => void }) {
  return (
    <div class="field filter">
      <label class="field__label filter__legend" for={props.id}>
        {props.label}
      </label>
      <select id={props.id} class="select" onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="" selected={props.value === ""}>
          {t("catalog.filter.all")}
        </option>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={props.value === option.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
