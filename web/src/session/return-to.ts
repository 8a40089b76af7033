// Where to go after signing in. The value comes from the URL, so anyone can craft it: only a
// path on this site is followed, never `//evil.example` or `/\evil.example` (which browsers
// read as another host), never the login page itself, never the API.

export const DEFAULT_AFTER_LOGIN = "/style";

export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//")) return DEFAULT_AFTER_LOGIN;
  // Backslashes and control characters are normalised away by URL parsers in ways that can
  // turn a path into a host; a real path of ours never contains them.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return DEFAULT_AFTER_LOGIN;
  let url: URL;
  try {
    url = new URL(raw, window.location.origin);
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
  if (url.origin !== window.location.origin) return DEFAULT_AFTER_LOGIN;
  if (url.pathname === "/login" || url.pathname.startsWith("/api/")) return DEFAULT_AFTER_LOGIN;
  return url.pathname + url.search + url.hash;
}

/** The login page, remembering the page the user was trying to reach. */
export function loginPath(returnTo: string): string {
  return `/login?return_to=${encodeURIComponent(returnTo)}`;
}
