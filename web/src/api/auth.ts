// The /api/auth endpoints and the shapes they answer with (mirrors worker/routes/auth.ts).
import { api } from "./client";

export const BODY_SHAPES = ["rectangle", "triangle", "inverted_triangle", "oval", "hourglass"] as const;
export const SKIN_TONES = ["warm", "cool", "neutral"] as const;
export const GENDERS = ["women", "men", "any"] as const;
/** The catalog's style tags are Korean words; the UI translates them, the API stores them. */
export const STYLE_TAGS = ["캐주얼", "미니멀", "모던", "스트릿", "포멀", "클래식", "스포티", "러블리"] as const;

export type BodyShape = (typeof BODY_SHAPES)[number];
export type SkinTone = (typeof SKIN_TONES)[number];
export type Gender = (typeof GENDERS)[number];
export type StyleTag = (typeof STYLE_TAGS)[number];

export type Profile = {
  heightCm: number | null;
  bodyShape: BodyShape | null;
  skinTone: SkinTone | null;
  gender: Gender | null;
  preferredStyles: string[];
};

export type User = {
  userId: number;
  nickname: string;
  profileImage: string | null;
  provider: "kakao" | "dev";
  profile: Profile;
};

export type AuthConfig = { kakao: boolean; devLogin: boolean };

export const fetchAuthConfig = () => api<AuthConfig>("/api/auth/config");
/**
 * Who is signed in. The entry (main.tsx) asks first, while the route's chunks are still
 * downloading, so that the frame (or the login page) does not wait for its own code before it
 * asks: the next call takes that answer if it is fresh, and later calls ask again.
 */
export function fetchMe(): Promise<User> {
  const asked = early;
  early = null;
  return asked && performance.now() - asked.at < EARLY_FOR_MS ? asked.answer : api<User>("/api/auth/me");
}
const EARLY_FOR_MS = 10_000;
let early: { answer: Promise<User>; at: number } | null = null;
export function askWhoIsSignedIn(): void {
  const answer = api<User>("/api/auth/me");
  answer.catch(() => {}); // whoever takes it handles a failure; one nobody takes is dropped
  early = { answer, at: performance.now() };
}
export const devLogin = (nickname: string) => api<User>("/api/auth/dev-login", { method: "POST", body: { nickname } });
export const logout = () => api<unknown>("/api/auth/logout", { method: "POST" });
export const updateProfile = (patch: Partial<Profile>) => api<User>("/api/auth/me/profile", { method: "PATCH", body: patch });

/** Kakao login is a full-page navigation: the Worker answers with a redirect to Kakao. */
export const kakaoLoginUrl = (returnTo: string) => `/api/auth/kakao/login?return_to=${encodeURIComponent(returnTo)}`;
