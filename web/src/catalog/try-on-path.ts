// The try-on page for an outfit: the dress, or the top (else the outer layer), as the upper
// garment, the bottom as the lower one, and the chat room it came from (which hears when the
// try-on is done, and shows the result on its occasion).
export function tryOnPath(outfit: readonly { product_id: string; category: string }[], roomId: string | number | null | undefined): string | null {
  const first = (category: string) => outfit.find((p) => p.category === category);
  const dress = first("dress");
  const upper = dress ?? first("top") ?? first("outer");
  const lower = dress ? undefined : first("bottom");
  const query = new URLSearchParams();
  if (upper) query.set("upper", upper.product_id);
  if (lower) query.set("lower", lower.product_id);
  if (!query.size) return null;
  if (roomId) query.set("room", String(roomId));
  return `/try-on?${query}`;
}
