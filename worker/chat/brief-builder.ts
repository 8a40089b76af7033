// Everything one expert needs for one answer, gathered at the edge: the user's profile facts,
// the room's earlier messages (bounded; a room opened for an occasion starts with the
// occasion's note), the intent read from them, the knowledge passages
// for this expert's subject, the photo from R2, and the catalog picks (planner.ts). The
// engines only write; nothing here depends on which engine will.
import { SEASONS, TPO_TAGS, type Season } from "../catalog/vocabulary.ts";
import type { Passage } from "../knowledge/passages.ts";
import { retrievePassages } from "../knowledge/retrieve.ts";
import { occasionNote } from "../occasions/brief-note.ts";
import type { ExpertBrief, HistoryItem, Intent, PeerAnswer, PhotoInput, ProfileFacts } from "./brief.ts";
import type { ExpertId } from "./experts.ts";
import { readIntent } from "./intent.ts";
import { heightClass, PICKS_READ_NOTES, TREND_LOOKS, trendLookFor } from "./lenses.ts";
import { planOutfit, planPicks } from "./planner.ts";
import { CandidateSearches } from "./candidates.ts";
import { coalescedReads } from "../db/coalesced-reads.ts";
import type { PublicProduct } from "../catalog/products.ts";
import { record } from "../metrics/record.ts";
import { loadTurnContext, type TurnContext } from "./turn-context.ts";

export type BriefRequest = {
  userId: number;
  roomId: number;
  turnId: string;
  expert: ExpertId;
  question: string;
  photoKey: string | null;
  peers: PeerAnswer[];
  /** The turn's profile, occasion and history as read when the message was stored; read here when absent. */
  context?: TurnContext | undefined;
};

export { HISTORY_LIMITS, loadHistory } from "./turn-context.ts";
const PASSAGES = 4;
/** Larger photos are not sent to a model (Anthropic's per-image limit is 5 MB). */
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export async function buildBrief(env: Env, req: BriefRequest, now = new Date()): Promise<ExpertBrief> {
  const [{ profile, occasion, history: said }, photo] = await Promise.all([
    req.context ?? loadTurnContext(env.DB, req.userId, req.roomId, req.turnId),
    loadPhoto(env.IMAGES, req.photoKey),
  ]);
  // A room opened for an occasion starts from what the user said when planning it.
  const history: HistoryItem[] = occasion ? [{ role: "user", text: occasionNote(occasion) }, ...said] : said;
  const read = readIntent(req.question, history, profile);
  // "내일 면접" means this season: without a stated one, the date decides what is wearable.
  const intent: Intent = { ...read, season: read.season ?? seasonAt(now) };
  // The notes and the picks are looked up side by side unless the expert's lens picks by the notes.
  // Their queries that start together share a D1 round trip (db/coalesced-reads.ts).
  const reads = coalescedReads(env.DB);
  const notes = passagesFor(reads, req.expert, req.question, intent, profile);
  const searches = new CandidateSearches(reads);
  const given = { passages: PICKS_READ_NOTES.has(req.expert) ? await notes : [], searches };
  const [passages, picks] = await Promise.all([
    notes,
    searched(env, searches, () =>
      req.expert === "fitting_coordinator" ? planOutfit(reads, intent, profile, req.peers, given) : planPicks(reads, intent, profile, req.expert, given),
    ),
  ]);
  return { expert: req.expert, language: intent.language, question: req.question, photo, history, profile, intent, passages, picks, peers: req.expert === "fitting_coordinator" ? req.peers : [] };
}

/** The picks, with one product_search point for all of the plan's searches (one per search would pass Analytics Engine's 25 a job). */
async function searched(env: Pick<Env, "METRICS">, searches: CandidateSearches, plan: () => Promise<PublicProduct[]>): Promise<PublicProduct[]> {
  const started = Date.now();
  const point = (outcome: "ok" | "failed", results: number) =>
    record(env, { kind: "product_search", source: "chat", outcome, ms: Date.now() - started, results, misses: searches.stats.misses, hits: searches.stats.hits, total: 0 });
  try {
    const picks = await plan();
    point("ok", picks.length);
    return picks;
  } catch (err) {
    point("failed", 0);
    throw err;
  }
}

const PHOTO_TYPES: Record<string, PhotoInput["mediaType"]> = { "image/jpeg": "image/jpeg", "image/jpg": "image/jpeg", "image/png": "image/png", "image/webp": "image/webp" };

/** The photo as base64 with its media type; only JPEG, PNG and WebP, as the vision APIs take them. */
export async function loadPhoto(bucket: R2Bucket, key: string | null): Promise<PhotoInput | null> {
  if (!key) return null;
  const object = await bucket.get(key);
  if (!object) return null;
  const bytes = new Uint8Array(await object.arrayBuffer());
  const mediaType = PHOTO_TYPES[object.httpMetadata?.contentType?.toLowerCase() ?? ""] ?? sniff(bytes);
  if (!mediaType || bytes.byteLength > MAX_PHOTO_BYTES) return null;
  return { mediaType, base64: toBase64(bytes) };
}

function sniff(b: Uint8Array): PhotoInput["mediaType"] | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "image/png";
  if (String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP") return "image/webp";
  return null;
}

function toBase64(bytes: Uint8Array): string {
  // In slices: String.fromCharCode(...all) overflows the call stack on a large photo.
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Meteorological seasons in Korea (KST): March–May spring, June–August summer, … */
export function seasonAt(date: Date): Season {
  const month = new Date(date.getTime() + 9 * 3_600_000).getUTCMonth() + 1;
  return month >= 3 && month <= 5 ? "spring" : month >= 6 && month <= 8 ? "summer" : month >= 9 && month <= 11 ? "fall" : "winter";
}

const BODY_WORDS: Record<NonNullable<ProfileFacts["bodyShape"]>, string> = {
  triangle: "삼각형 하체 통통 pear triangle",
  inverted_triangle: "역삼각형 어깨 넓은 inverted triangle",
  oval: "사과형 복부 apple oval",
  hourglass: "모래시계 허리 hourglass",
  rectangle: "직사각형 일자 rectangle",
};

type Source = { topics: string[]; words: (intent: Intent, profile: ProfileFacts) => string[] };

const occasionWords = (i: Intent) => [
  ...(i.occasion ? [i.occasion, TPO_TAGS[i.occasion]] : []),
  ...(i.weather.rain ? ["장마 비 rain"] : []),
  ...(i.weather.cold ? ["겨울 추운 winter"] : []),
  ...(i.weather.hot ? ["여름 더운 summer"] : []),
];

/**
 * Where each expert's notes come from: its own subjects, each searched with the words that
 * matter to it, so the style analyst gets a note on the occasion and one on the body rather
 * than four on either.
 */
const SOURCES: Record<ExpertId, Source[]> = {
  style_analyst: [
    { topics: ["dress-codes"], words: occasionWords },
    { topics: ["body-shape", "fit-proportion"], words: (_, p) => [...(p.bodyShape ? [BODY_WORDS[p.bodyShape]] : []), ...(heightClass(p) === "short" ? ["키 작은 petite"] : []), "비율 proportion"] },
  ],
  trend_expert: [{ topics: ["trends"], words: (i) => [...occasionWords(i), ...TREND_LOOKS[trendLookFor(i.occasion)].words, "트렌드 trend"] }],
  color_expert: [{ topics: ["color"], words: (i, p) => [...occasionWords(i), ...(p.skinTone === "warm" ? ["웜톤 warm"] : p.skinTone === "cool" ? ["쿨톤 cool"] : [])] }],
  fitting_coordinator: [
    { topics: ["dress-codes"], words: occasionWords },
    { topics: ["fabric-weather"], words: (i) => [...occasionWords(i), ...(i.season ? [SEASONS[i.season], i.season] : [])] },
  ],
};

async function passagesFor(db: D1Database, expert: ExpertId, question: string, intent: Intent, profile: ProfileFacts): Promise<Passage[]> {
  const sources = SOURCES[expert];
  const each = Math.ceil(PASSAGES / sources.length);
  const found = await Promise.all(sources.map((s) => retrievePassages(db, [question, ...s.words(intent, profile)].join(" "), { language: intent.language, limit: each, topics: s.topics })));
  const passages = [...new Map(found.flat().map((p) => [p.id, p])).values()];
  if (passages.length >= PASSAGES) return passages.slice(0, PASSAGES);
  // Too few on the expert's own subjects: top up from the whole knowledge base.
  const more = await retrievePassages(db, [question, ...occasionWords(intent)].join(" "), { language: intent.language, limit: PASSAGES });
  const seen = new Set(passages.map((p) => p.id));
  return [...passages, ...more.filter((p) => !seen.has(p.id))].slice(0, PASSAGES);
}
