// What one expert sees for one answer: the question, the conversation so far (bounded), the
// user's profile facts, the photo if the message had one, the occasion and constraints read
// from the conversation, the knowledge passages for the question, and the catalog products
// picked for this expert (already filtered by every hard constraint). Engines write text
// from a brief; they never choose products outside `picks`.
import type { PublicProduct } from "../catalog/products.ts";
import type { Category, ColorKey, Season, StyleTag, Subcategory, TpoTag } from "../catalog/vocabulary.ts";
import type { Passage } from "../knowledge/passages.ts";
import type { ExpertId, PanelExpertId } from "./experts.ts";

export type Language = "ko" | "en";

export type ProfileFacts = {
  nickname: string;
  heightCm: number | null;
  bodyShape: "rectangle" | "triangle" | "inverted_triangle" | "oval" | "hourglass" | null;
  skinTone: "warm" | "cool" | "neutral" | null;
  gender: "women" | "men" | "any" | null;
  preferredStyles: string[];
};

/** One earlier message of the room, oldest first. */
export type HistoryItem = { role: "user"; text: string } | { role: "expert"; expert: ExpertId; text: string };

/**
 * The occasion and constraints read from the conversation (intent.ts). Hard constraints
 * (budget, exclusions, weather rules) become catalog filters, never only prompt words.
 */
export type Intent = {
  language: Language;
  occasion: TpoTag | null;
  season: Season | null;
  weather: { rain: boolean; cold: boolean; hot: boolean };
  colors: ColorKey[];
  avoidColors: ColorKey[];
  styles: StyleTag[];
  /** Categories the user asked for ("바지 추천해줘" → bottom); empty means a whole outfit. */
  categories: Category[];
  /** Kinds asked for within those categories ("치마 추천해줘" → the skirts); absent or empty: any. */
  subcategories?: Subcategory[];
  excludeSubcategories: Subcategory[];
  /** Korean material names as stored (스웨이드, 린넨). */
  excludeMaterials: string[];
  budget: { min: number | null; max: number | null };
  gender: "women" | "men" | null;
};

export type PhotoInput = { mediaType: "image/jpeg" | "image/png" | "image/webp"; base64: string };

/** One panel expert's finished answer, as the coordinator reads it. */
export type PeerAnswer = { expert: PanelExpertId; text: string; products: PublicProduct[] };

export type ExpertBrief = {
  expert: ExpertId;
  language: Language;
  question: string;
  /** The user's photo when the message has one (vision engines read it). */
  photo: PhotoInput | null;
  history: HistoryItem[];
  profile: ProfileFacts;
  intent: Intent;
  passages: Passage[];
  /** The 1–3 catalog products this expert recommends (for the coordinator: the one outfit). */
  picks: PublicProduct[];
  /** The coordinator's inputs: the panel's answers (empty for panel experts). */
  peers: PeerAnswer[];
};
