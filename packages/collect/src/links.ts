// Small readers shared by pages and feeds.

/** `raw` resolved against `base`, if it is an http(s) address; else null. */
export function absoluteHttp(raw: string | null | undefined, base: string): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A BCP 47 language tag as ingestion accepts it ("en", "fa-IR"). */
export const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
