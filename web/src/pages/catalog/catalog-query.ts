// The catalog's search lives in the page's URL, under the names the search API takes, so a
// reload, a shared link or the back button brings the same results. Lists (categories,
// colors) are comma-separated, as the API reads them.

export type CatalogQuery = {
  q: string;
  category: string[];
  gender: string;
  color: string[];
  style: string;
  tpo: string;
  season: string;
  min_price: string;
  max_price: string;
};

const LISTS = ["category", "color"] as const;
const TEXTS = ["q", "gender", "style", "tpo", "season", "min_price", "max_price"] as const;
const FILTERS = ["category", "gender", "color", "style", "tpo", "season", "min_price", "max_price"] as const;

type Params = Partial<Record<string, string | string[]>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const list = (value: string | string[] | undefined) => first(value).split(",").filter(Boolean);

export function readQuery(params: Params): CatalogQuery {
  const query = {} as CatalogQuery;
  for (const key of LISTS) query[key] = list(params[key]);
  for (const key of TEXTS) query[key] = first(params[key]).trim();
  return query;
}

/** A change to the query as router search params: an empty value removes its parameter. */
export function toParams(patch: Partial<CatalogQuery>): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(patch)) {
    const text = Array.isArray(value) ? value.join(",") : value;
    params[key] = text ? text : undefined;
  }
  return params;
}

/** The query as the search API's parameters (the same names, empty ones left out). */
export function apiParams(query: CatalogQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toParams(query))) if (value !== undefined) params.set(key, value);
  return params.toString();
}

export const activeFilters = (query: CatalogQuery) => FILTERS.filter((key) => query[key].length > 0).length;

/** Every filter cleared; the search words too when `withWords`. */
export function cleared(withWords: boolean): Partial<CatalogQuery> {
  const patch: Partial<CatalogQuery> = { category: [], gender: "", color: [], style: "", tpo: "", season: "", min_price: "", max_price: "" };
  if (withWords) patch.q = "";
  return patch;
}

// The last catalog address, so a product page's "back to catalog" returns to the same search.
let lastSearch = "";
export const rememberSearch = (search: string) => (lastSearch = search);
export const catalogPath = () => `/catalog${lastSearch}`;
