// Korean particles (josa) that depend on whether the previous word ends in a consonant
// (batchim): 셔츠 + 와, 슬랙스 + 와, 코트 + 와, 청바지 + 와, 블레이저 + 와 / 울 + 과.
// Latin-only words are read by their last letter's usual Korean pronunciation.

function hasBatchim(word: string): boolean {
  const last = word.trim().replace(/[\s\])}.,!?"']+$/u, "").at(-1);
  if (!last) return false;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/[0-9]/.test(last)) return "013678".includes(last);
  return /[lmnrkgtpb]/i.test(last);
}

/** `josa("셔츠", "와", "과")` → "셔츠와"; `josa("울", "를", "을")` → "울을". */
export function josa(word: string, afterVowel: string, afterConsonant: string): string {
  return word + (hasBatchim(word) ? afterConsonant : afterVowel);
}
