// Stage 1: line-level boilerplate removal and metadata lines (title, dateline, byline, subheads).
export type LineKind = 'title' | 'dateline' | 'byline' | 'subhead' | 'dek' | 'body';

export interface BodyLine {
  start: number; // offset in body
  end: number;
  text: string;
  kind: LineKind;
}

export interface Span {
  start: number;
  end: number;
}

export interface Cleaned {
  body: string;
  /** Chrome inside body lines (related-headline hover cards, "(RELATED: …)"), in body offsets; the text stays so evidence offsets hold. */
  inlineChrome: Span[];
  lines: BodyLine[];
  removedLines: string[];
  title: string | null;
  datelineText: string | null;
  bylineNames: string[];
}

// Video teasers: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 00:48" (a dump of titles may be long).
const VIDEO_TEASER = /\bJUST WATCHED\b|\bReplay More Videos\b|^MUST WATCH\b/;
const LONG_LINE_WORDS = 120;
// Site chrome, share/follow widgets, alternate-address notices, teasers.
const CHROME: RegExp[] = [
  /^(follow us( on)?|share( this( article| story| page)?)?|exit mobile version|read more|related( articles| stories| news)?|advertisement|advertising|sponsored( content)?|skip to (main )?content|back to top|print( this)?( article)?|email|comments?|most read|trending|newsletter|sign in|log ?in|menu|search|tags?|topics?)\s*:?$/i,
  /\bscan the qr code\b/i,
  /\bfollow us on\b/i,
  /^site (icon|logo)\b/i,
  /\bcan also be accessed at\b/i,
  /^(https?:\/\/|www\.)\S+$/i,
  /\bjoin our\b.{0,80}\b(telegram|whatsapp|channel|newsletter|community)\b/i,
  /\bclick (on )?(the image|the photo|here|the link)\b/i,
  /^(homepage|home)\s*[>›»/|]/i,
  /^edition\s*:/i,
  /\b(subscribe|sign up) (to|for) (our|the)\b/i,
  /^(copyright|©|\(c\))\s/i,
  /\ball rights reserved\b/i,
  /^(download|get) (our|the) app\b/i,
  VIDEO_TEASER,
  // Gallery and caption controls.
  /^(enlarge this image|toggle caption|hide caption|previous next|next previous)\b/i,
  /\bPrevious Next\b/,
  /^(?:facebook|twitter|pinterest|email|share|tweet|post|print|whatsapp|linkedin|reddit|flipboard|messenger)(?:\s+(?:facebook|twitter|pinterest|email|share|tweet|post|print|whatsapp|linkedin|reddit|flipboard|messenger|comments?)){1,}\b/i,
  // Newsletter and social prompts.
  /\bsign up for\b.{0,60}\bnewsletters?\b|\bmanage newsletters\b|\bby signing up\b|\bdelivered to your inbox\b/i,
  /^(?:follow|like) (?:us|@?\S+) on (?:twitter|facebook|instagram)\b/i,
  // Related-headline lines: "READ MORE: …", "SEE RELATED: …", "Related: …".
  /^(?:read more|see related|related|also read|see also|more|more from [\p{L} ]{1,40}|recommended|watch|listen)\s*:/iu,
  /^(?:see also|story continue[sd] below(?: advertisement)?|ad|continue reading)$/i,
  // Wire and site copyright footers.
  /\bmay not be (?:published|reproduced|redistributed)\b|\bclick here for reprint permission\b/i,
  // A related headline closed by its link: "Putin says Russian role 'theoretically possible' Read more".
  /(?<![.!?:;]) Read more\.?$/,
  // Subscription forms and promos: "Newsletter Sign Up Continue reading …", "If you enjoyed this article, … Join".
  /^newsletter sign[ -]?up\b|\bthank you for subscribing\b|\byou can unsubscribe at any time\b/i,
  /\bif you enjoyed this article\b/i,
  /^(?:sign up|subscribe) (?:for|to)\b|^get (?:our|the) [\p{L}' ]{0,40}newsletter\b/iu,
  /\byou will receive (?:occasional )?promotional offers\b/i,
];

// Photo credits, which make a line a caption: "(Photo by X/AFP)", "REUTERS/Name", "(AP Photo/Name)",
// "X/Getty Images", "| Getty Images", "Photograph: X", "FILE PHOTO: …".
const CAPTION_RES: RegExp[] = [
  /\((?:AP |REUTERS\/|Reuters\/)?Photo\b[^()]{0,100}\)\s*$/,
  /\(\s*(?:Photo|Credit)\s*:\s*[^)]{1,80}\)/,
  /\b(?:REUTERS|AP|AFP|EPA|UPI)\/\p{Lu}[^\s/]*(?:\s\p{L}[^\s/]*){0,3}(?:\/[\p{L} ]{1,30})?\)?\s*$/u,
  /\[[^\]]{1,60}\/(?:AFP|AP|Reuters|REUTERS|Getty Images|EPA)[^\]]{0,20}\]\s*$/,
  /\b(?:Photograph|Photographer|Photo credit|Image credit|Photo illustration)\s*:\s*\S/,
  /^FILE PHOTO\s*:/i,
  /^Photo:\s/,
  // A photographer's name and agency after a bar closing the line: "… in Chicago, June 24, 2019. Kamil Krzaczynski | Reuters".
  /[.!?]\s+\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’.-]+){1,2}\s\|\s\p{Lu}[\p{L}&.]*(?:\s\p{Lu}[\p{L}&.]*){0,2}\s*$/u,
];
// Shapes no body sentence has, whatever the line's length: a caption dump or a gallery.
const GALLERY_RES: RegExp[] = [
  /(?:\/\s*|\|\s*|\bvia\s)Getty Images\b/,
  /\bREUTERS\/\p{Lu}|\/REUTERS\b|\(AP Photo\//u,
  /\b(?:Hide|Show) Caption\b/i,
  /\bImage (?:copyright|caption)\b/,
  /\(Photo by [^)]{1,80}\)|\bvia AP Images\b/,
  /\b\d+ of \d+(?:\s+•)+/,
  // A photographer's credit, alone or closing a caption: "… as it possibly can. | Andrew Harnik/AP Photo".
  /\/\s?AP Photo\b/,
  // A video player's placeholder and its caption: "Media playback is unsupported on your device Media caption …".
  /\bMedia playback is unsupported\b|^Media caption\b/,
  // A sign-up form's country list.
  /\bChoose your country\b/,
];

// Photo captions end with a credit: "(Photo by AFP)", "( Commons)", "Photo: Fox", "/ Reuters".
const CREDIT_RE =
  /(\(\s*(?:(?:photo|image|picture|file photo|credit|via|source)\b[^()]{0,60}|[^()]{0,40}\b(?:commons|afp|getty(?: images)?|reuters|ap|epa|handout|file|xinhua|anadolu|shutterstock)\b\s*)\)|\b(?:photo|image|picture|credit)s?\s*(?:by|:)\s*[^.!?]{1,50})\s*$/i;

const DATE_LINE_RE =
  /^(?:(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4})(?:[\sT,]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)?(?:\s*\(?[A-Z]{2,5}\)?)?(?:\s*\|.*)?$/i;
const BYLINE_RE =
  /^(?:by|editor|editors|author|authors|reporter|reporting by|written by|edited by)\s*[:：]?\s+(.{2,120})$/i;

const wordCount = (s: string): number => {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
};
const endsSentence = (s: string) => /[.!?…]["'”’)\]]*$/.test(s) || /[.!?]["'”’]?\.?$/.test(s);

// Every piece after the first of a nav line's split starts after one of these: a line with fewer than two of them
// has fewer than three pieces, so most lines skip the split.
const TWO_NAV_SEPARATORS = /[|/›»•·][^]*[|/›»•·]/;

function isNavLine(line: string): boolean {
  if (!TWO_NAV_SEPARATORS.test(line)) return false;
  const parts = line.split(/\s+[|/›»•·]\s+|\s*[|›»•]\s*/).filter((p) => p.trim());
  if (parts.length < 3) return false;
  const avg = parts.reduce((a, p) => a + wordCount(p), 0) / parts.length;
  return avg <= 3 && !endsSentence(line);
}

/**
 * One pattern per flag set that matches where any pattern of the list does: a line is read once per flag set
 * instead of once per pattern (about twice as fast over corpus lines; the lists stay one rule a line).
 */
function anyOf(list: RegExp[]): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const re of list) byFlags.set(re.flags, [...(byFlags.get(re.flags) ?? []), `(?:${re.source})`]);
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
}
const CHROME_ANY = anyOf(CHROME);
const CAPTION_ANY = anyOf(CAPTION_RES);
const GALLERY_ANY = anyOf(GALLERY_RES);

export function isBoilerplate(raw: string): boolean {
  const line = raw.trim().replace(/^[•·*\-–]\s*/, '');
  if (!line) return false;
  const words = wordCount(line);
  // Chrome is short: a long line that mentions "click here" is an article published as one line, not a widget.
  if (words <= LONG_LINE_WORDS ? CHROME_ANY.some((re) => re.test(line)) : VIDEO_TEASER.test(line)) return true;
  if (isNavLine(line)) return true;
  if (/^[a-z]{1,12}$/.test(line)) return true; // stray lower-case widget labels ("post", "share")
  if (CREDIT_RE.test(line) && words <= 60) return true;
  if (words <= 90 && CAPTION_ANY.some((re) => re.test(line))) return true;
  if (GALLERY_ANY.some((re) => re.test(line))) return true;
  return false;
}

// A hover card glues a person's full name to a related headline and ends in "MORE":
// "President Trump Donald John TrumpGOP senators balk at … MORE on Monday".
// The surname may carry a capitalised prefix ("McConnell", "DeVos"); the headline may open with a year ("McCain2020 …").
const GLUED_RE = /\b((?:Mc|Mac|De|Di|La|Le|Van|O['’])?\p{Lu}[\p{Ll}'’-]+)([\p{Lu}\d][\p{L}\d'’-]*)/gu;
const NOT_GLUE = /^(?:Mc|Mac|De|Da|La|Le|Di|Van|Von|O'|O’|Al|El)$/;

/** Start of a card's full legal name: the name words before `at`, back to the last earlier mention of the surname. */
function cardStart(line: string, at: number, surname: string): number {
  let start = at;
  for (let n = 0; n < 6; n++) {
    const w = /(\(?(?:\p{Lu}[\p{L}.'’-]*|de|da|van|von|al|bin|la|le)\)?) $/u.exec(
      line.slice(Math.max(0, start - 40), start),
    );
    if (!w || w[1] === surname) break;
    start -= w[0].length;
  }
  return start;
}

// The display name (first name, surname), then the legal name from the same first name (or with it in
// parentheses) to the same surname.
const SPACED_CARD =
  /\b(\p{Lu}\p{Ll}+) ((?:\p{Lu}[\p{Ll}'’-]+ )?\p{Lu}[\p{Ll}'’-]+) (?:\1|\p{Lu}\p{Ll}+ \(\1\))(?: \p{Lu}[\p{L}.'’-]*){0,3}? \2 (?=[\p{Lu}\d'‘"“])/gu;

/** Inline chrome spans of one line (offsets within the line). */
export function inlineChromeSpans(line: string): Span[] {
  const out: Span[] = [];
  for (const m of line.matchAll(GLUED_RE)) {
    const surname = m[1] as string;
    if (NOT_GLUE.test(surname) || (out.length && m.index < (out[out.length - 1] as Span).end)) continue;
    const more = /\bMORE\b/.exec(line.slice(m.index, m.index + 600));
    if (!more) continue;
    // The card begins with the full legal name: the name words after the last earlier mention of the surname
    // ("President Trump | Donald John TrumpGOP…", "Jeff Sessions | Jefferson (Jeff) Beauregard SessionsSessions…").
    const start = cardStart(line, m.index, surname);
    // A card has a first name before the glued surname and a headline of some words before "MORE" ("YouTube said MORE" is text).
    if (start === m.index || wordCount(line.slice(m.index, m.index + more.index)) < 4) continue;
    out.push({ start, end: m.index + more.index + 4 });
  }
  // A card of the name alone: "Sen. John Kennedy John Neely KennedyMORE (R-La.)".
  for (const m of line.matchAll(/\b((?:Mc|Mac|De|Di|La|Le|Van|O['’])?\p{Lu}[\p{Ll}'’-]+)MORE\b/gu)) {
    const start = cardStart(line, m.index, m[1] as string);
    if (start < m.index) out.push({ start, end: m.index + m[0].length });
  }
  // A card spaced from its name: the name, the full legal name ending in the same surname, headlines, "MORE"
  // ("Speaker Paul Ryan Paul Davis Ryan Retirees should say … MORE (R-Wis.)").
  for (const m of line.matchAll(SPACED_CARD)) {
    const start = m.index + (m[1] as string).length + (m[2] as string).length + 2;
    const more = /\bMORE\b/.exec(line.slice(start, start + 600));
    const end = start + (more?.index ?? 0) + 4;
    // (Glued cards were found first, anywhere in the line: this card must not overlap one.)
    if (!more || out.some((o) => o.start < end && start < o.end)) continue;
    if (wordCount(line.slice(start, start + more.index)) >= 6) out.push({ start, end });
  }
  for (const m of line.matchAll(/\s*\(RELATED:[^()]*\)/g)) out.push({ start: m.index, end: m.index + m[0].length });
  for (const re of INLINE_PROMPTS)
    for (const m of line.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Prompts inside a body line (an author's bio, a paragraph the player's promo is glued to): "Follow him on
 * Twitter: @name.", "Get <channel> on your cable system — Click Here Now", "View all <site> newsletters.".
 */
const INLINE_PROMPTS: RegExp[] = [
  /\bFollow (?:him|her|them|us|me) on (?:Twitter|Facebook|Instagram)\b(?:\s*(?:at|:))?(?:\s*@\w+)?\.?/g,
  /(?:[^.!?"”]{0,80}\s[-–—]\s*)?\bClick Here Now\b\.?/g,
  /\bView all [^.!?]{0,40}\bnewsletters\.?/g,
];
const INLINE_GATE = /MORE|RELATED|Follow|Click Here|View all/;

const tokens = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\d]+/gu) ?? []);
function similar(a: string, b: string): number {
  const A = tokens(a);
  const B = tokens(b);
  let inter = 0;
  for (const t of A) if (B.has(t)) inter++;
  return inter / Math.max(1, Math.min(A.size, B.size));
}

export function clean(text: string): Cleaned {
  const rawLines = text.split('\n');
  const removedLines: string[] = [];
  const kept: string[] = [];
  for (const l of rawLines) {
    if (!l.trim()) continue;
    if (isBoilerplate(l)) removedLines.push(l);
    else kept.push(l);
  }
  // Trailing chrome: short unpunctuated lines after the last body paragraph ("Press TV News Roku").
  while (kept.length > 1) {
    const last = (kept[kept.length - 1] ?? '').trim();
    if (wordCount(last) <= 6 && !endsSentence(last) && !/[,;:]$/.test(last)) removedLines.push(kept.pop() as string);
    else break;
  }

  const kinds: LineKind[] = kept.map(() => 'body');
  let title: string | null = null;
  let datelineText: string | null = null;
  const bylineNames: string[] = [];
  let firstBody = -1;
  for (let i = 0; i < kept.length; i++) {
    const t = (kept[i] ?? '').trim();
    const words = wordCount(t);
    if (DATE_LINE_RE.test(t) && words <= 10) {
      kinds[i] = 'dateline';
      datelineText ??= t;
      continue;
    }
    const by = BYLINE_RE.exec(t);
    if (by && words <= 14) {
      kinds[i] = 'byline';
      for (const part of (by[1] ?? '').split(/\s*(?:[|丨,;]|\band\b)\s*/))
        if (part.trim()) bylineNames.push(part.trim());
      continue;
    }
    if (
      firstBody < 0 &&
      title === null &&
      words <= 30 &&
      (!endsSentence(t) || (/[:\-–—]\s*\w+\.?$/.test(t) && words <= 25 && !/\.$/.test(t)))
    ) {
      kinds[i] = 'title';
      title = t;
      continue;
    }
    if (firstBody < 0) firstBody = i;
    // Subheads: short lines without closing punctuation inside the body.
    if (words <= 12 && !endsSentence(t) && !/[,;:"“]$/.test(t)) kinds[i] = 'subhead';
  }
  // Dek: a one-paragraph summary that the next body paragraphs repeat.
  for (let i = 0; i < kept.length; i++) {
    if (kinds[i] !== 'body') continue;
    for (let j = i + 1; j < Math.min(kept.length, i + 4); j++) {
      if (kinds[j] === 'body' && wordCount(kept[i] ?? '') <= 40 && similar(kept[i] ?? '', kept[j] ?? '') >= 0.75) {
        kinds[i] = 'dek';
        break;
      }
    }
    break; // only the first body paragraph can be a dek
  }

  const lines: BodyLine[] = [];
  const inlineChrome: Span[] = [];
  let body = '';
  for (let i = 0; i < kept.length; i++) {
    const t = kept[i] ?? '';
    if (body) body += '\n';
    lines.push({ start: body.length, end: body.length + t.length, text: t, kind: kinds[i] ?? 'body' });
    // Cheap gate: a hover card needs "MORE", a related link "RELATED", a prompt its verb.
    if (INLINE_GATE.test(t))
      for (const sp of inlineChromeSpans(t))
        inlineChrome.push({ start: body.length + sp.start, end: body.length + sp.end });
    body += t;
  }
  return { body, inlineChrome, lines, removedLines, title, datelineText, bylineNames };
}
