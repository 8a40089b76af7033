// The last photo each user uploaded on this browser (its URL, served only to them), so the
// try-on page still has it on the next visit.
const key = (userId: number) => `debut.tryOn.photo.${userId}`;

export function lastPhoto(userId: number): string | null {
  try {
    return localStorage.getItem(key(userId));
  } catch {
    return null; // storage blocked: the photo is simply not remembered
  }
}

export function rememberPhoto(userId: number, url: string | null): void {
  try {
    if (url) localStorage.setItem(key(userId), url);
    else localStorage.removeItem(key(userId));
  } catch {
    // Not remembered across visits, but shown for this one.
  }
}
