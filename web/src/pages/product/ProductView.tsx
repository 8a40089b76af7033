// The product page's content: picture, names, price, try-on link, description and facts.
import { For, Show, type JSX } from "solid-js";
import type { Product } from "../../api/catalog";
import {
  colorName,
  formatPrice,
  otherProductName,
  patternName,
  productDescription,
  productName,
  seasonName,
  styleTags,
  tpoTags,
} from "../../catalog/labels";
import { ColorSwatch } from "../../components/product/ColorSwatch";
import { Tags } from "../../components/product/Tags";
import { lang, t } from "../../i18n/lang";
import type { MessageKey } from "../../i18n/ko";

const UPPER = ["top", "outer", "dress"];
const LOWER = ["bottom"];

/** Where "Try it on" goes: tops, outerwear and dresses are worn above, bottoms below. */
function tryOnPath(p: Product): string | null {
  const id = encodeURIComponent(p.product_id);
  if (UPPER.includes(p.category)) return `/try-on?upper=${id}`;
  if (LOWER.includes(p.category)) return `/try-on?lower=${id}`;
  return null;
}

export function ProductView(props: { product: Product }) {
  const p = () => props.product;
  const other = () => (lang() === "ko" ? "en" : "ko");
  // Material and fit come from the catalog in Korean only.
  const korean = () => (lang() === "ko" ? undefined : "ko");

  return (
    <article class="product">
      <div class="product__media">
        <img src={p().image_url} alt={productName(p())} width="512" height="512" />
      </div>
      <div class="product__info">
        <p class="product__brand">{p().brand}</p>
        <h1 class="product__name">{productName(p())}</h1>
        <p class="product__other-name" lang={other()}>
          {otherProductName(p())}
        </p>
        <p class="product__price">{formatPrice(p().price)}</p>
        <Show when={tryOnPath(p())}>
          {(href) => (
            <a class="button button--primary product__try-on" href={href()}>
              {t("product.tryOn")}
            </a>
          )}
        </Show>

        <h2 class="product__heading">{t("product.description")}</h2>
        <p class="product__description">{productDescription(p())}</p>

        <h2 class="product__heading">{t("product.details")}</h2>
        <dl class="product__facts">
          <Fact label="product.colors">
            <ul class="product__colors" role="list">
              <For each={p().colors}>
                {(color) => (
                  <li>
                    <ColorSwatch hex={color.hex} />
                    {colorName(color.name)}
                  </li>
                )}
              </For>
            </ul>
          </Fact>
          <Fact label="product.category">
            {p().category_name[lang()]} · {p().subcategory_name[lang()]}
          </Fact>
          <Fact label="product.material">
            <span lang={korean()}>{p().material}</span>
          </Fact>
          <Fact label="product.fit">
            <span lang={korean()}>{p().fit}</span>
          </Fact>
          <Fact label="product.pattern">{patternName(p().pattern)}</Fact>
          <Fact label="product.seasons">{p().seasons.map(seasonName).join(" · ")}</Fact>
          <Fact label="product.style">
            <Tags items={styleTags(p())} />
          </Fact>
          <Fact label="product.tpo">
            <Tags items={tpoTags(p())} />
          </Fact>
        </dl>
      </div>
    </article>
  );
}

function Fact(props: { label: MessageKey; children: JSX.Element }) {
  return (
    <div class="product__fact">
      <dt>{t(props.label)}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
