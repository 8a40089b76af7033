// One product: its picture, names in both languages, price, every fact the catalog has, and
// a way to try it on. An unknown id gets a not-found message inside the frame.
import { useParams } from "@solidjs/router";
import { createResource, Match, Show, Switch } from "solid-js";
import { fetchProduct, isUnknownProduct } from "../../api/catalog";
import { productName } from "../../catalog/labels";
import { errorText } from "../../i18n/error-text";
import { t } from "../../i18n/lang";
import { usePageTitle } from "../../page-title";
import { catalogPath } from "../catalog/catalog-query";
import { ProductView } from "./ProductView";
import "./product-detail.css";

export default function ProductDetail() {
  const params = useParams<{ id: string }>();
  const [product, { refetch }] = createResource(() => params.id, fetchProduct);
  const unknown = () => isUnknownProduct(product.error);
  usePageTitle(() => (product.state === "ready" ? productName(product()) : t(unknown() ? "product.notFound.title" : "catalog.title")));

  return (
    <>
      <Show when={!unknown()}>
        <a class="back-link" href={catalogPath()}>
          <span aria-hidden="true">←</span> {t("product.back")}
        </a>
      </Show>
      <Switch>
        <Match when={unknown()}>
          <section class="product-missing">
            <h1>{t("product.notFound.title")}</h1>
            <p>{t("product.notFound.body")}</p>
            <a class="button button--primary" href={catalogPath()}>
              {t("product.back")}
            </a>
          </section>
        </Match>
        <Match when={product.error}>
          <div class="notice notice--error" role="alert">
            <p>
              {t("product.loadFailed")} {errorText(product.error)}
            </p>
            <button type="button" class="button" onClick={() => void refetch()}>
              {t("retry")}
            </button>
          </div>
        </Match>
        <Match when={product()}>{(p) => <ProductView product={p()} />}</Match>
      </Switch>
    </>
  );
}
