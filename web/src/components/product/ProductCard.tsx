// One product in a grid: image, brand, name (a link to its page, stretched over the whole
// card), price and a couple of tags, all in the current language.
import type { Product } from "../../api/catalog";
import { formatPrice, productName, styleTags, tpoTags } from "../../catalog/labels";
import { Tags } from "./Tags";
import "./product-card.css";

const productPath = (p: Product) => `/products/${encodeURIComponent(p.product_id)}`;

export function ProductCard(props: { product: Product }) {
  const tags = () => [...tpoTags(props.product).slice(0, 1), ...styleTags(props.product).slice(0, 1)];
  return (
    <article class="product-card">
      <div class="product-card__media">
        <img src={props.product.image_url} alt={productName(props.product)} width="512" height="512" loading="lazy" decoding="async" />
      </div>
      <div class="product-card__body">
        <p class="product-card__brand">{props.product.brand}</p>
        <p class="product-card__name">
          <a href={productPath(props.product)}>{productName(props.product)}</a>
        </p>
        <p class="product-card__price">{formatPrice(props.product.price)}</p>
        <Tags items={tags()} />
      </div>
    </article>
  );
}

/** The card's shape while its product is on the way. */
export function ProductCardSkeleton() {
  return (
    <div class="product-card product-card--skeleton" aria-hidden="true">
      <div class="product-card__media" />
      <div class="product-card__body">
        <span class="skeleton-line" />
        <span class="skeleton-line skeleton-line--wide" />
        <span class="skeleton-line" />
      </div>
    </div>
  );
}
