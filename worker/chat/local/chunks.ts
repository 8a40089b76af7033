// Cutting an answer into stream deltas the size a model sends: a few characters to a few
// words, breaking after spaces so words arrive whole; joined, the pieces are the text.
const MIN = 3;
const MAX = 12;

export function chunk(text: string): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const word of text.match(/\S+\s*|\s+/g) ?? []) {
    // A long word (an English product name) is cut, never sent whole.
    for (let i = 0; i < word.length; i += MAX) {
      const part = word.slice(i, i + MAX);
      if (current.length >= MIN && current.length + part.length > MAX) {
        pieces.push(current);
        current = "";
      }
      current += part;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
