import { describe, expect, it } from 'vitest';
import { candidateSpans, trimObligatoryCaps } from '../src/actors/candidates.js';
import { findActors } from '../src/actors/index.js';
import { mergeAliases, capitalIsActor } from '../src/actors/merge.js';
import { typeCandidates, type Seg } from '../src/actors/typing.js';
import { actorNames, stageInputs } from './actors-helpers.js';

const spanTexts = (text: string) => {
  const { ix, lk } = stageInputs(text);
  return candidateSpans(ix, lk)
    .map((c) => trimObligatoryCaps(ix, lk, c))
    .filter((c) => c !== null)
    .map((c) => ix.body.slice(ix.tokens[c.from]!.start, ix.tokens[c.to - 1]!.end));
};
const typed = (text: string) => {
  const { ix, lk } = stageInputs(text);
  const cands = candidateSpans(ix, lk)
    .map((c) => trimObligatoryCaps(ix, lk, c))
    .filter((c) => c !== null);
  return { ix, lk, ...typeCandidates(ix, lk, cands) };
};
const segSummary = (segs: Seg[]) =>
  segs.map((s) =>
    s.t === 'gaz' ? `gaz:${s.e.canonical}` : `${s.kind ?? 'name'}:${s.text}${s.title ? ` [${s.title}]` : ''}`,
  );

describe('mention index', () => {
  it('marks sentence starts and the words capitalised elsewhere or seen in lower case', () => {
    const { ix } = stageInputs(
      'The body text starts here.\n\nTensions rose as Pompeo spoke. Officials said tensions would ease.',
    );
    const initialWords = ix.tokens.filter((_, i) => ix.initial[i]).map((t) => t.text);
    expect(initialWords).toEqual(['The', 'Tensions', 'Officials']);
    expect(ix.capMid.has('pompeo')).toBe(true);
    expect(ix.capMid.has('tensions')).toBe(false);
    expect(ix.lowerSeen.has('tensions')).toBe(true);
  });
});

describe('candidate spans', () => {
  it('joins name connectors and "of the" after an institution head', () => {
    expect(
      spanTexts('The body starts here.\n\nHe met Abu Mahdi al-Muhandis and the Ministry of the Interior said no.'),
    ).toEqual(['Abu Mahdi al-Muhandis', 'Ministry of the Interior']);
  });
  it('drops a sentence-initial common word unless the text capitalises it elsewhere', () => {
    expect(spanTexts('The body starts here.\n\nTensions rose sharply. Outraged, he left.')).toEqual([]);
    expect(spanTexts('The body starts here.\n\nPompeo spoke first. Then he met Pompeo again.')).toEqual([
      'Pompeo',
      'Pompeo',
    ]);
  });
  it('drops a word that opens a clause inside a sentence, or a question, before a name', () => {
    // A stop inside a quotation, a dateline's dash, a question's verb, an inverted quotation's verb.
    expect(
      actorNames(
        'The body starts here.\n\nHe said: “Both were cut from one cloth. But Varga Tollenby is younger,” he said.',
      ),
    ).toEqual(['Varga Tollenby']);
    expect(
      actorNames('The body starts here.\n\nOakdale (AP) -- When Senator Jim Brasko spoke, people listened.'),
    ).toEqual(['Associated Press', 'Jim Brasko']);
    expect(actorNames('The body starts here.\n\nDoes Rep. Peter Calloway think so? Hardly.')).toEqual([
      'Peter Calloway',
    ]);
    expect(actorNames('The body starts here.\n\nAdded Chris Mollando, a strategist: “It is fine.”')).toEqual([
      'Chris Mollando',
    ]);
    // A stop after an abbreviation opens no clause; a first name that is also a verb stays ("Will", "Said").
    expect(actorNames('The body starts here.\n\nWill Hurdman spoke. Said Kouachani spoke first.')).toEqual([
      'Will Hurdman',
      'Said Kouachani',
    ]);
  });
});

describe('typing by cue', () => {
  it('types gazetteer names, organisation heads, places and titled people', () => {
    const t = typed(
      'The body starts here.\n\nPrime Minister Benjamin Netanyahu spoke to Reuters at Baghdad International Airport while the Gulf States Institute in Washington watched.',
    );
    expect(segSummary(t.segs)).toEqual([
      'name:Benjamin Netanyahu [prime minister]',
      'gaz:Reuters',
      'ORGANIZATION:Gulf States Institute in Washington',
    ]);
    expect(t.places.map((p) => p.text)).toEqual(['Baghdad International Airport']);
  });
  it('reads the states inside hyphenated words', () => {
    const t = typed('The body starts here.\n\nThe pro-Iranian militias struck.');
    expect(segSummary(t.segs)).toEqual(['gaz:Iran']);
  });
});

describe('merging aliases', () => {
  it('links a later surname to the full name and keeps the title', () => {
    const { ix, lk, segs, places } = typed(
      'The body starts here.\n\nSecretary of State Mike Pompeo arrived. Pompeo said talks went well.',
    );
    const m = mergeAliases(ix, lk, segs, places, []);
    const pompeo = [...m.drafts.values()].find((d) => d.canonical === 'Mike Pompeo');
    expect(pompeo?.mentions.map((x) => x.text)).toEqual(['Mike Pompeo', 'Pompeo']);
    expect([...(m.titles.get(pompeo!.id) ?? [])]).toEqual(['secretary of state']);
  });
  it('joins "the Times" / "the Post" to the outlet named before whose name ends with that word', () => {
    const { body, sentences } = stageInputs(
      'The body starts here.\n\nThe Washington Post reported the vote. The bill passed, the Post said, and the Times agreed.',
    );
    const r = findActors(body, sentences, { bylineNames: [] });
    const post = r.actors.find((a) => a.canonicalName === 'The Washington Post');
    expect(r.mentions.filter((m) => m.actorKey === post?.key).map((m) => m.text)).toEqual(['Washington Post', 'Post']);
    expect(r.actors.map((a) => a.canonicalName)).toEqual(['The Washington Post']);
  });
  it('counts a capital or a building only when it acts', () => {
    const { ix, lk, segs } = typed('The body starts here.\n\nTehran said it would respond. Officials met in Tehran.');
    const tehran = segs.filter((s) => s.t === 'gaz');
    expect(tehran.map((s) => capitalIsActor(ix, lk, s))).toEqual([true, false]);
  });
  it('keeps the longest match: a name inside another actor\'s name ("France" in "Agence France-Presse") is no mention of its own', () => {
    const { body, sentences } = stageInputs(
      'The body starts here.\n\nThe hostage spoke briefly, Agence France-Presse reported.',
    );
    const r = findActors(body, sentences, { bylineNames: [] });
    expect(r.mentions.map((m) => m.text)).toEqual(['Agence France-Presse']);
    expect(r.actors.map((a) => a.canonicalName)).toEqual(['Agence France-Presse']);
  });
  it('gives an unknown bracketed acronym every later mention', () => {
    const names = actorNames(
      'The body starts here.\n\nThe Lebanese Forces Party (LFP) met. The LFP said it would stay.',
    );
    expect(names).toContain('Lebanese Forces Party');
    const { body, sentences } = stageInputs(
      'The body starts here.\n\nThe Lebanese Forces Party (LFP) met. The LFP said it would stay.',
    );
    const a = findActors(body, sentences, { bylineNames: [] }).actors.find(
      (x) => x.canonicalName === 'Lebanese Forces Party',
    );
    expect(a?.aliases.map((x) => x.alias)).toContain('LFP');
  });
});
