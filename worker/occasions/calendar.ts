// The occasion as an iCalendar file (RFC 5545): one VEVENT at its time (in UTC), its place,
// the outfit and the notes in the description, and an alarm the day before to rehearse.
// Lines are CRLF-terminated and folded at 75 octets; text values are escaped.
// (Small enough to write: the npm calendar libraries bring a validator runtime with them.)

export type CalendarEvent = {
  uid: string;
  title: string;
  startsAt: number;
  minutes: number;
  place?: string | null | undefined;
  description: string;
  /** The reminder's text, shown a day before. */
  reminder: string;
  url?: string | undefined;
  now?: number;
};

export function icsFor(e: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Debut//Occasions//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${utc(e.now ?? Date.now())}`,
    `DTSTART:${utc(e.startsAt)}`,
    `DTEND:${utc(e.startsAt + e.minutes * 60_000)}`,
    `SUMMARY:${escapeText(e.title)}`,
    ...(e.place ? [`LOCATION:${escapeText(e.place)}`] : []),
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.url ? [`URL:${e.url}`] : []),
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "TRIGGER:-P1D",
    `DESCRIPTION:${escapeText(e.reminder)}`,
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** 20261203T080000Z */
const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped. */
export const escapeText = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + a space), never inside a UTF-8 character. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    const limit = parts.length ? 74 : 75; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
