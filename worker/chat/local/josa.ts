// Korean particles (josa) chosen by the sound before them: 셔츠는 / 코트는 / 패딩은,
// 울로 / 린넨으로. Product names end in a bracketed colour ("… [네이비]"), so trailing
// brackets and punctuation are skipped; Latin letters and digits are read as Korean reads them.

/** 0 when the word ends in a vowel, else the final consonant's index (8 is ㄹ). */
function finalConsonant(word: string): number {
  const last = word.trim().replace(/[\s\])}.,!?"'’”」』]+$/u, "").at(-1);
  if (!last) return 0;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28;
  // 영 일 이 삼 사 오 육 칠 팔 구
  if (/[0-9]/.test(last)) return "178".includes(last) ? 8 : "036".includes(last) ? 1 : 0;
  if (/[lr]/i.test(last)) return 8;
  return /[mnkgtpb]/i.test(last) ? 1 : 0;
}

const PAIRS = {
  "은/는": ["은", "는"],
  "이/가": ["이", "가"],
  "을/를": ["을", "를"],
  "과/와": ["과", "와"],
  "이나/나": ["이나", "나"],
  "이에요/예요": ["이에요", "예요"],
  "이라서/라서": ["이라서", "라서"],
  "이라/라": ["이라", "라"],
  "으로/로": ["으로", "로"],
} as const;

export type Particle = keyof typeof PAIRS;

/** `josa("셔츠", "은/는")` → "셔츠는"; `josa("울", "으로/로")` → "울로". */
export function josa(word: string, particle: Particle): string {
  const jong = finalConsonant(word);
  const [afterConsonant, afterVowel] = PAIRS[particle];
  // 으로 takes ㄹ like a vowel: 울로, 레일로.
  const consonant = particle === "으로/로" ? jong !== 0 && jong !== 8 : jong !== 0;
  return word + (consonant ? afterConsonant : afterVowel);
}
