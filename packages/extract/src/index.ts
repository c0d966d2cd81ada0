// Claimgraph extractor: article text → actors, events, dated happenings and attributed claims.
// Pure and deterministic: no I/O, no clock, no randomness.
import type { ExtractInput, ExtractionResult, ExtractedDate } from '@claimgraph/shared';
import { findActors } from './actors/index.js';
import { findClaims } from './claims/index.js';
import { clean } from './clean.js';
import { findDates } from './dates.js';
import { ExtractError } from './errors.js';
import { findEvents } from './events.js';
import { normalizeInput } from './normalize.js';
import { splitSentences } from './sentences.js';
import { EXTRACTOR_VERSION } from './version.js';
import * as chrono from 'chrono-node';

export { ExtractError } from './errors.js';
export { EXTRACTOR_VERSION } from './version.js';
export { compare, storyProfile } from './compare.js';
export { toComparable } from './comparable.js';

export function extract(input: ExtractInput): ExtractionResult {
  if (!input || typeof input !== 'object') throw new ExtractError('INVALID_INPUT', 'input must be an object');
  try {
    return run(input);
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    // Anything else is our bug; callers still only ever see the typed error.
    throw new ExtractError('INVALID_INPUT', `extraction failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function run(input: ExtractInput): ExtractionResult {
  if (input.format !== undefined && input.format !== 'text' && input.format !== 'html')
    throw new ExtractError('INVALID_INPUT', 'format must be "text" or "html"');
  const text = normalizeInput(input.text, input.format);
  const warnings: string[] = [];
  const cleaned = clean(text);
  const sentences = splitSentences(cleaned.body, cleaned.lines);
  if (!sentences.some((s) => /\p{L}{2,}/u.test(s.text)))
    throw new ExtractError('NO_SENTENCES', 'text has no sentences');

  const published = publishedDate(cleaned.datelineText, input.publishedAt, warnings);
  const pubDay = published?.value ? published.value.slice(0, 10) : null;
  const actors = findActors(cleaned.body, sentences, {
    ...(input.outlet ? { outlet: input.outlet } : {}),
    bylineNames: cleaned.bylineNames,
    skip: cleaned.inlineChrome,
  });
  const dates = findDates(sentences, pubDay);
  const events = findEvents(cleaned.body, sentences, dates, actors);
  const claims = findClaims({
    body: cleaned.body,
    sentences,
    actors,
    events,
    dates,
    outlet: input.outlet ?? null,
    url: input.url ?? null,
    chrome: cleaned.inlineChrome,
  });

  return {
    extractorVersion: EXTRACTOR_VERSION,
    body: cleaned.body,
    removedLines: cleaned.removedLines,
    title: cleaned.title,
    published,
    language: input.language ?? guessLanguage(cleaned.body),
    sentences: sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    actors: actors.actors,
    events,
    claims,
    warnings,
  };
}

function publishedDate(dateline: string | null, meta: string | undefined, warnings: string[]): ExtractedDate | null {
  let stated: ExtractedDate | null = null;
  if (dateline) {
    const r = chrono.strict.parse(dateline, { instant: new Date('2000-01-01T00:00:00Z'), timezone: 0 })[0];
    if (r && r.start.isCertain('year')) {
      const y = r.start.get('year') ?? 0;
      const p = (n: number | null) => String(n ?? 1).padStart(2, '0');
      const day = `${y}-${p(r.start.get('month'))}-${p(r.start.get('day'))}`;
      stated = { value: day, precision: 'DAY', text: dateline };
    }
  }
  let fromMeta: ExtractedDate | null = null;
  if (meta) {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(meta);
    if (m) fromMeta = { value: m[1] as string, precision: 'DAY', text: null };
    else warnings.push(`publishedAt "${meta.slice(0, 40)}" is not an ISO date`);
  }
  if (stated && fromMeta && stated.value !== fromMeta.value)
    warnings.push(`text states ${stated.value}, metadata says ${fromMeta.value}`);
  return stated ?? fromMeta;
}

/** Only tells Latin-script text apart from the rest; the ingest usually knows the language. */
function guessLanguage(body: string): string | null {
  let latin = 0;
  let letters = 0;
  for (let i = 0; i < Math.min(body.length, 2000); i++) {
    const c = body.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      latin++;
      letters++;
    } else if (c > 127 && /\p{L}/u.test(body[i] as string)) letters++;
  }
  return letters && latin / letters > 0.9 ? 'en' : null;
}
