// What a try-on puts on: product ids resolved through the product cache/catalog to their
// garment images in R2, checked for the slot they were sent for (a skirt is not a top), and
// the FitRoom cloth type the pair makes.
import { getProduct, type PublicProduct } from "../catalog/products.ts";
import { josa } from "../chat/local/josa.ts";
import { AppError } from "../http/errors";
import type { GarmentCategory } from "./compositor/compose.ts";

export type ClothType = "upper" | "lower" | "full_set" | "combo";
export type TryOnGarment = { product: PublicProduct; category: GarmentCategory; imageKey: string };
export type Outfit = { clothType: ClothType; upper: TryOnGarment | null; lower: TryOnGarment | null };

const UPPER: GarmentCategory[] = ["top", "outer", "dress"];

async function garment(env: Pick<Env, "DB" | "PRODUCTS" | "METRICS">, field: "upper_product_id" | "lower_product_id", id: string): Promise<TryOnGarment> {
  const product = await getProduct(env, id);
  if (!product) throw new AppError(404, `${field}: 상품을 찾을 수 없습니다. (no product with id ${id})`, "unknown_product");
  const category = product.category as string;
  const fits = field === "upper_product_id" ? UPPER.includes(category as GarmentCategory) : category === "bottom";
  if (!fits) {
    const wanted = field === "upper_product_id" ? "상의·아우터·원피스 (a top, an outer layer or a dress)" : "하의 (a bottom)";
    throw new AppError(400, `${field}: ${josa(product.product_name, "은/는")} ${josa(product.category_name.ko, "이에요/예요")}. 이 자리에는 ${wanted}만 입어 볼 수 있어요.`, "wrong_category");
  }
  return { product, category: category as GarmentCategory, imageKey: product.image_url.replace(/^\/api\/images\//, "") };
}

/**
 * The garments of a try-on. `single` takes one garment (or, as the seed's client may send,
 * a top and a bottom: then it is a combo); `combo` needs a top and a bottom. A dress is worn
 * on its own.
 */
export async function resolveOutfit(env: Pick<Env, "DB" | "PRODUCTS" | "METRICS">, kind: "single" | "combo", ids: { upper?: string; lower?: string }): Promise<Outfit> {
  if (kind === "combo" && (!ids.upper || !ids.lower)) {
    throw new AppError(400, `${ids.upper ? "lower_product_id" : "upper_product_id"}: 콤보 피팅에는 상의와 하의가 모두 필요합니다. (a combo needs a top and a bottom)`);
  }
  if (!ids.upper && !ids.lower) throw new AppError(400, "upper_product_id: 입어 볼 상품을 골라 주세요. (choose a garment to try on)");
  const [upper, lower] = await Promise.all([ids.upper ? garment(env, "upper_product_id", ids.upper) : null, ids.lower ? garment(env, "lower_product_id", ids.lower) : null]);
  if (upper?.category === "dress" && lower) throw new AppError(400, "lower_product_id: 원피스는 하의 없이 입어요. (a dress is tried on alone)", "wrong_category");
  const clothType: ClothType = upper && lower ? "combo" : upper ? (upper.category === "dress" ? "full_set" : "upper") : "lower";
  return { clothType, upper, lower };
}
