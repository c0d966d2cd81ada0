// Builds the inputs of the actor stages from plain text, as extract() does.
import { findActors } from '../src/actors/index.js';
import { makeLookup } from '../src/actors/lookup.js';
import { indexMentions } from '../src/actors/mention-index.js';
import { clean } from '../src/clean.js';
import { splitSentences } from '../src/sentences.js';

export function stageInputs(text: string, outlet?: string) {
  const c = clean(text);
  const sentences = splitSentences(c.body, c.lines);
  return {
    body: c.body,
    sentences,
    ix: indexMentions(c.body, sentences, c.inlineChrome),
    lk: makeLookup(outlet),
    bylineNames: c.bylineNames,
    skip: c.inlineChrome,
  };
}

/** Canonical names of the actors findActors returns for a text. */
export function actorNames(text: string, outlet?: string): string[] {
  const { body, sentences, bylineNames, skip } = stageInputs(text, outlet);
  return findActors(body, sentences, { ...(outlet ? { outlet } : {}), bylineNames, skip }).actors.map(
    (a) => a.canonicalName,
  );
}
