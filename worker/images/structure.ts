// Where an uploaded image really ends, and what it carries besides pixels. A polyglot is a
// file that is a valid image and also something else: HTML or script hidden in a comment or
// a metadata chunk, or an archive or document appended after the image's end. We walk the
// file's structure (JPEG markers, PNG chunks, the WebP RIFF), look for active content in the
// metadata and in anything after the end, and keep only the image proper: bytes after the end
// that are harmless (a phone's motion-photo video) are dropped, the rest is refused.
import type { ImageKind } from "./sniff";

export type Structure = { end: number; metadata: Uint8Array[] };

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u32le = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

function jpeg(b: Uint8Array): Structure | null {
  const metadata: Uint8Array[] = [];
  let i = 2;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return null;
    while (b[i + 1] === 0xff) i++; // fill bytes
    const marker = b[i + 1]!;
    if (marker === 0xd9) return { end: i + 2, metadata };
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) return null;
    const len = u16be(b, i + 2);
    if (len < 2 || i + 2 + len > b.length) return null;
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) metadata.push(b.subarray(i + 4, i + 2 + len));
    i += 2 + len;
    if (marker === 0xda) {
      // Entropy-coded data: a 0xFF in it is followed by 0x00 or a restart marker; anything
      // else is the next marker (another scan's tables, or the end of the image).
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7))) i++;
    }
  }
  return null;
}

const PNG_TEXT = new Set(["tEXt", "iTXt", "zTXt", "eXIf"]);

function png(b: Uint8Array): Structure | null {
  const metadata: Uint8Array[] = [];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = u32be(b, i);
    const type = ascii(b, i + 4, 4);
    if (i + 12 + len > b.length) return null;
    if (PNG_TEXT.has(type)) metadata.push(b.subarray(i + 8, i + 8 + len));
    if (type === "IEND") return { end: i + 12 + len, metadata };
    i += 12 + len;
  }
  return null;
}

function webp(b: Uint8Array): Structure | null {
  const end = 8 + u32le(b, 4);
  if (end > b.length + 1 || end < 20) return null; // a RIFF may lack its last pad byte
  const metadata: Uint8Array[] = [];
  let i = 12;
  while (i + 8 <= Math.min(end, b.length)) {
    const size = u32le(b, i + 4);
    const fourcc = ascii(b, i, 4);
    if (i + 8 + size > end) return null;
    if (fourcc === "EXIF" || fourcc === "XMP ") metadata.push(b.subarray(i + 8, i + 8 + size));
    i += 8 + size + (size & 1);
  }
  return { end: Math.min(end, b.length), metadata };
}

export function structureOf(bytes: Uint8Array, type: ImageKind["type"]): Structure | null {
  return type === "image/jpeg" ? jpeg(bytes) : type === "image/png" ? png(bytes) : webp(bytes);
}

/** Markup, script or server code: what a browser or a server might run if it ever read this as text. */
const ACTIVE = /<\s*(?:script|html|body|iframe|object|embed|svg|form|meta|link|style|base)[\s/>]|<\?php|<%|javascript:|<!doctype|on(?:load|error)\s*=/i;
/** The first bytes of files that other programs open (archives, documents, executables). */
const FOREIGN = ["PK\u0003\u0004", "%PDF-", "Rar!\u001a", "7z\u00bc\u00af", "\u007fELF", "MZ\u0090\u0000", "\u00ca\u00fe\u00ba\u00be"];

const latin1 = (b: Uint8Array) => new TextDecoder("latin1").decode(b);

/** Why this image is also something else, or null when it is only an image. */
export function polyglotReason(bytes: Uint8Array, structure: Structure): string | null {
  for (const part of structure.metadata) if (ACTIVE.test(latin1(part))) return "markup or script in its metadata";
  const trailer = bytes.subarray(structure.end);
  if (trailer.length) {
    const text = latin1(trailer);
    if (ACTIVE.test(text)) return "markup or script after the image";
    if (FOREIGN.some((magic) => text.includes(magic))) return "another file appended to the image";
  }
  return null;
}
