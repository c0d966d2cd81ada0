// Builds the inputs of the claims stages from plain text, as extract() does, and reads chains off extract().
import { findActors } from '../src/actors/index.js';
import { readingOf, freshDiscourse, type Discourse, type Reading } from '../src/claims/context.js';
import { clean } from '../src/clean.js';
import { extract } from '../src/index.js';
import { splitSentences } from '../src/sentences.js';

/** A headline line first: the cleaner takes an article's first line as its title. */
export const article = (...paragraphs: string[]) => ['Headline of the test article', ...paragraphs].join('\n\n');

export function readingFor(text: string, outlet?: string): { r: Reading; disc: Discourse } {
  const c = clean(text);
  const sentences = splitSentences(c.body, c.lines);
  const actors = findActors(c.body, sentences, {
    ...(outlet ? { outlet } : {}),
    bylineNames: c.bylineNames,
    skip: c.inlineChrome,
  });
  return { r: readingOf(c.body, sentences, actors, outlet ?? null), disc: freshDiscourse() };
}

/** Offsets [a, b) of `part` in the reading's body (the first occurrence). */
export function spanOf(r: Reading, part: string, from = 0): [number, number] {
  const a = r.body.indexOf(part, from);
  if (a < 0) throw new Error(`"${part}" not in the body`);
  return [a, a + part.length];
}

/** The chain (labels, joined by " > ") of the claim whose evidence starts with `start`. */
export function chainFor(text: string, outlet: string, start: string): string | undefined {
  const r = extract({ text, outlet });
  const c = r.claims.find((x) => r.body.slice(x.evidence.start, x.evidence.end).startsWith(start));
  return c?.attribution.map((n) => n.label).join(' > ');
}

/** Every claim as "evidence → chain". */
export function allChains(text: string, outlet: string): string[] {
  const r = extract({ text, outlet });
  return r.claims.map(
    (c) => `${r.body.slice(c.evidence.start, c.evidence.end)} → ${c.attribution.map((n) => n.label).join(' > ')}`,
  );
}
