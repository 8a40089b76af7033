// Catalog: search the products in Korean or English, narrow them with filters, and open one.
// The whole search is kept in the URL's query string (see catalog-query.ts).
import { useLocation, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo } from "solid-js";
import { PageHead } from "../../components/PageHead";
import { apiParams, cleared, readQuery, rememberSearch, toParams, type CatalogQuery } from "./catalog-query";
import { Filters } from "./Filters";
import { createProductPages } from "./product-pages";
import { Results } from "./Results";
import { SearchBox } from "./SearchBox";
import "./catalog.css";

export default function Catalog() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const query = createMemo(() => readQuery(params));
  const pages = createProductPages(createMemo(() => apiParams(query())));
  createEffect(() => rememberSearch(location.search));

  // Typing replaces the history entry; a submitted search or a filter adds one.
  const change = (patch: Partial<CatalogQuery>, replace = false) => setParams(toParams(patch), { replace });

  return (
    <>
      <PageHead title="catalog.title" lead="catalog.lead" />
      <SearchBox value={query().q} onSearch={(q, typing) => change({ q }, typing)} />
      <div class="catalog">
        <Filters query={query()} onChange={change} />
        <Results pages={pages} onClearAll={() => change(cleared(true))} />
      </div>
    </>
  );
}
