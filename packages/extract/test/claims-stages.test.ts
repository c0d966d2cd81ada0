// Unit tests of the claims stages (src/claims/*.ts), each on its own inputs: a rule change shows here what it
// breaks before the full eval does.
import { describe, expect, it } from 'vitest';
import { attribute, carriedFrame, chainOf, remember } from '../src/claims/chain.js';
import { backgroundSpans, clauseClaims, splitClauses } from '../src/claims/clauses.js';
import { findFrame, reportingVerbs } from '../src/claims/frames.js';
import { resolveSource, trimSourcePhrase } from '../src/claims/speakers.js';
import { assertionText, isFragment, stripChrome, trimSpan } from '../src/claims/text.js';
import { extract } from '../src/index.js';
import { maskQuotes } from '../src/quotes.js';
import { article, readingFor, spanOf } from './claims-helpers.js';

const NAMES = article(
  'Israeli Prime Minister Benjamin Netanyahu met US President Joe Biden on Monday. Hamas, the militant group, said it rejected the plan.',
  'The group said talks were over. The US president said the talks would go on. Two officials with knowledge of the plans said Egypt would host them. The daily reported that the talks ended.',
);
const labelOf = (src: ReturnType<typeof resolveSource>) => src?.speaker?.node.label ?? src?.outlet?.label ?? null;
const sentenceOf = (r: ReturnType<typeof readingFor>['r'], part: string) =>
  r.sentences.findIndex((s) => s.text.includes(part));

describe('speaker resolution (resolveSource)', () => {
  const { r, disc } = readingFor(NAMES, 'CNN');
  const resolve = (part: string) => {
    const [a, b] = spanOf(r, part);
    return resolveSource(r, disc, a, b, sentenceOf(r, part));
  };
  it('reads a role noun as the last actor of its kind named before', () => {
    expect(labelOf(resolve('The group'))).toBe('Hamas');
  });
  it('reads a title as the person who carries it', () => {
    expect(labelOf(resolve('The US president'))).toBe('Joe Biden');
  });
  it('keeps an unnamed source in its own words, first letter lowered', () => {
    const src = resolve('Two officials with knowledge of the plans');
    expect(src?.speaker?.node).toEqual({ kind: 'ANONYMOUS', label: 'two officials with knowledge of the plans' });
    expect(src?.speaker?.plural).toBe(true);
  });
  it('reads "the daily" as the last cited outlet, and nothing without one', () => {
    expect(resolve('The daily')).toBeNull();
    expect(
      resolveSource(r, { ...disc, lastOutlet: { kind: 'OUTLET', label: 'Haaretz' } }, ...spanOf(r, 'The daily'), 3)
        ?.outlet?.label,
    ).toBe('Haaretz');
  });
  it('resolves "he" to the previous sentence subject, else the last person named', () => {
    const t = readingFor(
      article('Iranian President Hassan Rouhani visited the site on Monday. He said the probe would report soon.'),
      'CNN',
    );
    const [a, b] = spanOf(t.r, 'He');
    expect(labelOf(resolveSource(t.r, t.disc, a, b, sentenceOf(t.r, 'He said')))).toBe('Hassan Rouhani');
  });
  it('refuses a clause taken for a noun phrase', () => {
    const [a, b] = spanOf(r, 'The group said talks were over');
    expect(resolveSource(r, disc, a, b, 2)).toBeNull();
  });
  it('trims a dateline, leading conjunctions and a subordinate opening from the phrase', () => {
    const body = 'WASHINGTON (AP) — A career official; but things got tense when one board member';
    expect(trimSourcePhrase(body, 0, body.indexOf(';'))?.text).toBe('A career official');
    expect(trimSourcePhrase(body, body.indexOf(';') + 1, body.length)?.text).toBe('one board member');
  });
});

describe('frames (findFrame)', () => {
  const frameOf = (text: string, part: string, outlet = 'CNN') => {
    const { r, disc } = readingFor(article(text), outlet);
    const [a, b] = spanOf(r, part);
    const at = findFrame(r, disc, a, b, r.masked.slice(a, b), sentenceOf(r, part));
    return (
      at && {
        outlet: at.outlet?.label ?? null,
        speaker: at.speaker?.node.label ?? null,
        secondary: at.secondary?.label ?? null,
        verb: at.verb,
      }
    );
  };
  it('reads "according to X" at either end of the clause', () => {
    expect(
      frameOf('According to Reuters, the talks failed on Monday.', 'According to Reuters, the talks failed on Monday.'),
    ).toMatchObject({ outlet: 'Reuters', verb: 'according to' });
    expect(
      frameOf('The talks failed on Monday, according to Reuters.', 'The talks failed on Monday, according to Reuters.'),
    ).toMatchObject({ outlet: 'Reuters', verb: 'according to' });
  });
  it('reads an inverted speaker after a quote, up to a prepositional tail', () => {
    expect(
      frameOf(
        '"We are ready," said Pete Buttigieg in response to the claim.',
        '"We are ready," said Pete Buttigieg in response to the claim.',
      ),
    ).toMatchObject({ speaker: 'Pete Buttigieg', verb: 'said' });
  });
  it('reads the subject past an apposition, and the channel a speaker told', () => {
    expect(
      frameOf(
        'Mark Esper, a veteran of the Gulf War, told Reuters the base was hit.',
        'Mark Esper, a veteran of the Gulf War, told Reuters the base was hit.',
      ),
    ).toMatchObject({ speaker: 'Mark Esper', outlet: 'Reuters', verb: 'told' });
  });
  it('adds the source a speaker cites as the next hop', () => {
    expect(
      frameOf(
        'Fox News reported on Monday, citing the Associated Press, that the talks failed.',
        'Fox News reported on Monday, citing the Associated Press, that the talks failed.',
      )?.secondary,
    ).toBe('Associated Press');
  });
  it('skips negated, passive and participial verbs', () => {
    expect(reportingVerbs('he did not say it, was accused of it, saying so').map((h) => h.verb)).toEqual([]);
    expect(reportingVerbs('officials said the talks failed').map((h) => h.verb)).toEqual(['said']);
  });
  it('reads "claims" as a noun before a verb or "of"/"about" ("jobless claims fell"), as a verb before its content', () => {
    for (const seg of [
      'the number of first-time jobless claims fell by 20,000 last week',
      'his claims of Cherokee heritage drew scorn',
      'the claims about the deal were false',
      'harassment claims against the senator had piled up',
    ])
      expect(reportingVerbs(seg).map((h) => h.verb)).toEqual([]);
    expect(reportingVerbs('the group claims the vote was rigged').map((h) => h.verb)).toEqual(['claims']);
    expect(reportingVerbs('Ann Roe claims in her book that the vote was rigged').map((h) => h.verb)).toEqual([
      'claims',
    ]);
  });
});

describe('chain building', () => {
  it('nests a speaker inside an outlet frame in the same clause', () => {
    const { r, disc } = readingFor(
      article(
        'Lebanese Prime Minister Najib Mikati said the blast aimed to destabilise the country, according to the National News Agency.',
      ),
      'CNN',
    );
    const s = r.sentences[sentenceOf(r, 'Mikati')]!;
    expect(chainOf(r, attribute(r, disc, s.start, s.end, sentenceOf(r, 'Mikati'))).map((n) => n.label)).toEqual([
      'CNN',
      'National News Agency',
      'Najib Mikati',
    ]);
  });
  it('carries the speaker to a quote-only sentence right after an attributed one', () => {
    const { r, disc } = readingFor(
      article('Hamas official Basem Naim said the group was ready. "We will attend the talks."'),
      'CNN',
    );
    const si = sentenceOf(r, 'Basem Naim');
    remember(disc, attribute(r, disc, r.sentences[si]!.start, r.sentences[si]!.end, si), si);
    const q = r.sentences[si + 1]!;
    expect(attribute(r, disc, q.start, q.end, si + 1)).toBeNull();
    expect(carriedFrame(r, disc, q.start, q.end, si + 1, null)?.speaker?.node.label).toBe('Basem Naim');
    expect(carriedFrame(r, disc, q.start, q.end, si + 2, null)).toBeNull(); // not after a sentence in between
  });
  it("leaves out a hop that repeats the one before or is the article's own outlet", () => {
    const { r } = readingFor(article('Reuters reported that the talks failed.'), 'Reuters');
    const node = { kind: 'OUTLET' as const, label: 'Reuters' };
    expect(
      chainOf(r, { outlet: node, speaker: null, secondary: null, verb: 'reported', verbPos: 0 }).map((n) => n.label),
    ).toEqual(['Reuters']);
    expect(chainOf(r, null).map((n) => n.label)).toEqual(['Reuters']);
  });
});

describe('clauses and sub-claims', () => {
  it('splits at ", but" only before a reporting verb', () => {
    const { r } = readingFor(
      article('Netanyahu met the envoy on Monday, but later denied any deal. The talks were long, but the deal held.'),
      'CNN',
    );
    expect(splitClauses(r, r.sentences[sentenceOf(r, 'later denied')]!)).toHaveLength(2);
    expect(splitClauses(r, r.sentences[sentenceOf(r, 'the deal held')]!)).toHaveLength(1);
  });
  it.each([
    // A report, then the outlet's own finite clause after "but"; the speaker's own omission and "but that" stay.
    [
      'Port officials said a review would begin, but the size of the panel was not yet known.',
      ['Port officials said a review would begin', 'but the size of the panel was not yet known.'],
    ],
    [
      'The ministry has called the reports false but has offered no proof.',
      ['The ministry has called the reports false', 'but has offered no proof.'],
    ],
    ['Two aides said the plan was ready, but did not say when it would start.', null],
    ['The guards said the gate was shut, but that the wall was open.', null],
    // ", although" as ", but": the outlet's own finite clause after a report, also in the simple past after a pronoun.
    [
      'Port officials claimed the ships were unsafe, although they provided no proof.',
      ['Port officials claimed the ships were unsafe', 'although they provided no proof.'],
    ],
    [
      'The mayor said the port would open, though the date was not yet known.',
      ['The mayor said the port would open', 'though the date was not yet known.'],
    ],
    ['The ships came in late, although they sailed early.', null],
    // "but" without a comma only before the subject's own reporting verb.
    [
      'Norway was the first to send ships but insisted they would stay in port.',
      ['Norway was the first to send ships', 'but insisted they would stay in port.'],
    ],
    ['The ships came but left.', null],
    // A time clause after a closing frame, not the frame's own participle.
    [
      '"The port is shut," Mayor Ola Lund told reporters as he left the hall.',
      ['"The port is shut," Mayor Ola Lund told reporters', 'as he left the hall.'],
    ],
    ['"The port is shut," Lund said when asked.', null],
    [
      '"The port is shut," Mayor Ola Lund told the daily, ahead of what will be a long winter.',
      ['"The port is shut," Mayor Ola Lund told the daily', 'ahead of what will be a long winter.'],
    ],
    // A colon between two clauses, not after a frame.
    [
      'The mayor is not wrong about the port: as the daily notes, ships wait there for days.',
      ['The mayor is not wrong about the port:', 'as the daily notes, ships wait there for days.'],
    ],
    ['The mayor told reporters: the port is shut.', null],
    // ", and" before a frame that opens the next clause.
    [
      'Grain prices rose in May, and as the daily notes, stocks are low.',
      ['Grain prices rose in May', 'and as the daily notes, stocks are low.'],
    ],
    ['Grain prices rose in May, and stocks are low.', null],
  ] as [string, string[] | null][])('splits a sentence into the claims it holds: %s', (sentence, clauses) => {
    const { r } = readingFor(article(sentence), 'CNN');
    const s = r.sentences[sentenceOf(r, sentence.slice(0, 20))]!;
    expect(splitClauses(r, s).map(([a, b]) => r.body.slice(a, b))).toEqual(clauses ?? [sentence]);
  });
  it('gives the clause after a report\'s "but" the outlet\'s own chain and modality', () => {
    const res = extract({
      text: 'Panel splits\n\nThe ministry has denied the reports but has offered no proof of its account.',
      outlet: 'CNN',
    });
    const own = res.claims.find((c) => c.text.includes('offered no proof'));
    expect(own?.attribution.map((n) => n.label)).toEqual(['CNN']);
    expect(own?.modality).toBe('REPORTED');
  });
  it('gives the clause after a claim\'s ", although" the outlet\'s own chain and modality', () => {
    const res = extract({
      text: 'Panel splits\n\nOn Friday, port officials claimed that the ships were unsafe, although they provided no proof for that claim.',
      outlet: 'CNN',
    });
    const own = res.claims.find((c) => c.text.includes('provided no proof'));
    expect(own?.attribution.map((n) => n.label)).toEqual(['CNN']);
    expect(own?.modality).toBe('REPORTED');
  });
  it('gives ", who denied" the antecedent\'s own claim, nested under the speaker', () => {
    const { r, disc } = readingFor(
      article('President Donald Trump said he spoke with Saudi King Salman, who denied any knowledge of the killing.'),
      'CNN',
    );
    const si = sentenceOf(r, 'who denied');
    const s = r.sentences[si]!;
    const at = attribute(r, disc, s.start, s.end, si);
    const { spans } = clauseClaims(r, disc, s.start, s.end, si, at);
    expect(spans).toHaveLength(2);
    expect(chainOf(r, spans[1]!.at).map((n) => n.label)).toEqual(['CNN', 'Donald Trump', 'Salman']);
  });
  it('gives a participial report (", saying ...") a claim of its own with a finite verb', () => {
    const { r, disc } = readingFor(article('Hamas rejected the plan on Monday, saying it favoured Israel.'), 'CNN');
    const s = r.sentences[sentenceOf(r, 'saying')]!;
    const { spans, speaker } = clauseClaims(r, disc, s.start, s.end, sentenceOf(r, 'saying'), null);
    expect(spans.map((x) => [r.body.slice(x.a, x.b).trim(), x.at?.verb])).toEqual([
      ['Hamas rejected the plan on Monday, saying it favoured Israel.', 'said'],
      [' saying it favoured Israel.'.trim(), 'said'],
    ]);
    expect(speaker?.node.label).toBe('Hamas');
  });
  it('gives a participle of judgement (", condemning ...") a claim of its own, the judgement', () => {
    const res = extract({
      text: 'Minister speaks\n\nForeign Minister Anna Berg confirmed the death of the guide, condemning it as a "cruel and cowardly" act.',
      outlet: 'CNN',
    });
    const judgement = res.claims.find((c) => c.text.startsWith('Condemn'));
    expect(judgement?.attribution.map((n) => n.label)).toEqual(['CNN', 'Anna Berg']);
    expect(judgement?.modality).toBe('OPINION');
  });
  it("gives a named person's description in apposition (with its relative clause) to the outlet, not to a relative that reports", () => {
    const { r } = readingFor(
      article(
        'The kingdom denied any role in the disappearance of Jamal Khashoggi, a columnist for the Post who was last seen entering the consulate, officials said. Trump spoke to King Salman, who denied any knowledge of it.',
      ),
      'CNN',
    );
    const s = r.sentences[sentenceOf(r, 'a columnist')]!;
    expect(backgroundSpans(r, s.start, s.end).map((x) => [r.body.slice(x.a, x.b), x.at])).toEqual([
      ['a columnist for the Post who was last seen entering the consulate', null],
    ]);
    const t = r.sentences[sentenceOf(r, 'who denied')]!;
    expect(backgroundSpans(r, t.start, t.end)).toEqual([]);
  });
  it('reads a description in apposition past the dots of initials and abbreviations, to the sentence end', () => {
    const { r } = readingFor(
      article(
        '“It goes both ways,” said Douglas Brook, who worked for President George H.W. Bush and Mr. Obama. He left.',
      ),
      'CNN',
    );
    const s = r.sentences[sentenceOf(r, 'Douglas Brook')]!;
    expect(backgroundSpans(r, s.start, s.end).map((x) => r.body.slice(x.a, x.b))).toEqual([
      'who worked for President George H.W. Bush and Mr. Obama',
    ]);
  });
});

describe('claim text', () => {
  /** The attribution of a frame with `verb` in `t`, and the span of its subject from `subject` when given. */
  const frame = (t: string, verb: string, subject?: string) => ({
    outlet: null,
    speaker: null,
    secondary: null,
    verb,
    verbPos: t.indexOf(verb),
    ...(subject ? { frame: [t.indexOf(subject), t.indexOf(verb) + verb.length] as [number, number] } : {}),
  });
  it('cuts "according to X," and a trailing attribution from the assertion', () => {
    expect(assertionText('According to Reuters, the talks failed.', null, 0)).toBe('The talks failed.');
    const t = 'The talks failed on Monday, NBC News reported.';
    expect(assertionText(t, frame(t, 'reported'), 0)).toBe('The talks failed on Monday.');
  });
  it('cuts the closing frame after a quotation that opens the claim, and ends the claim on a stop, not a comma', () => {
    const t = '“It goes both ways,” said Douglas Brook, who worked on the transition teams of two presidents.';
    expect(assertionText(t, frame(t, 'said'), 0)).toBe('It goes both ways.');
    const u = '“It goes both ways,” the former official said.';
    expect(assertionText(u, frame(u, 'said'), 0)).toBe('It goes both ways.');
    // The quotation resumes after the frame: both halves are the speaker's words.
    const v = '“The best hope,” writes Peter Brown, a pollster, “is a knockout win in the last debate on Wednesday.”';
    expect(assertionText(v, frame(v, 'writes'), 0)).toBe(
      'The best hope, writes Peter Brown, a pollster, is a knockout win in the last debate on Wednesday.',
    );
    expect(assertionText('One reason for the winning streak:', null, 0)).toBe('One reason for the winning streak.');
    // A whole quoted sentence with a subject of a few words: the claim is the quotation.
    const w = '“We need an orderly transition,” Tillerson, whose voice quivered at times, told reporters.';
    expect(assertionText(w, frame(w, 'told'), 0)).toBe('We need an orderly transition.');
    // A partial quotation the writer goes on from: cut at the comma before the frame, not after the quotation.
    const x = '“Florida is committed to a safe event for” the president and attendees, he added.';
    expect(assertionText(x, frame(x, 'added'), 0)).toBe(
      'Florida is committed to a safe event for the president and attendees.',
    );
  });
  it('keeps a frame whose subject opens the claim, however long its apposition', () => {
    const t =
      'Evans Revere, a former senior diplomat who dealt with North Korea under two presidents, said the move sends a bad signal.';
    expect(assertionText(t, frame(t, 'said', 'Evans'), 0)).toBe(t);
    // After a short fronted adverbial too, but a clause before the subject is the claim ('..., NBC News reported').
    const u = 'In a conference call on Thursday, Theodore Olson urged the administration to step in.';
    expect(assertionText(u, frame(u, 'urged', 'Theodore'), 0)).toBe(u);
    const v = 'The talks between the two sides failed on Monday, NBC News reported.';
    expect(assertionText(v, frame(v, 'reported', 'NBC'), 0)).toBe('The talks between the two sides failed on Monday.');
  });
  it('keeps a frame in the second half before its that-complement, after a clause that fronts the subject', () => {
    // The content follows the verb: the clause before the subject is no claim of its own.
    const t =
      'Asked why the Iranian general was in Baghdad last week, Ravanchi denied that it had anything to do with a plot.';
    expect(assertionText(t, frame(t, 'denied', 'Ravanchi'), 0)).toBe(t);
    const u =
      'When a former housing secretary criticized the number of deportations under Obama, Biden retorted that his passion appeared newfound.';
    expect(assertionText(u, frame(u, 'retorted', 'Biden'), 0)).toBe(u);
    // "that" as a determiner of a time is no complement: the trailing frame is cut.
    const v =
      '“Trump is on his way down and probably out,” business journalist Allan Sloan wrote that June in Newsday.';
    expect(assertionText(v, frame(v, 'wrote', 'business'), 0)).toBe('Trump is on his way down and probably out.');
  });
  it('drops fragments without a number, keeps short counts', () => {
    expect(isFragment('As you were.')).toBe(true);
    expect(isFragment('Toll rises to 25.')).toBe(false);
    expect(isFragment('The talks failed again.')).toBe(false);
  });
  it('drops lines addressed to the reader, by their shape, and keeps claims that open with the same words', () => {
    expect(isFragment('Read the full interview at the Daily Planet.')).toBe(true);
    expect(isFragment('Send pictures, but please stay safe.')).toBe(true);
    expect(isFragment('Want the best from the Daily Planet in your inbox?')).toBe(true);
    expect(isFragment('share not immediately clear, according to a U.S. official.')).toBe(false);
    expect(isFragment('“Watch what happens next,” the governor said on Monday.')).toBe(false);
    expect(isFragment('Readers of the paper fell by a third last year.')).toBe(false);
  });
  it('trims a span and leaves out inline chrome', () => {
    expect(trimSpan(' , abc def ', 0, 11)).toEqual([3, 10]);
    expect(trimSpan('  ab ', 0, 5)).toBeNull();
    expect(
      stripChrome('The senator John ThuneRepublicans face long odds MORE said no.', [
        'John ThuneRepublicans face long odds MORE',
      ]),
    ).toBe('The senator said no.');
  });
  it('masks quoted words so frames never fire inside a quotation', () => {
    expect(maskQuotes('He said "they said no" today.')).toBe('He said "____________" today.');
  });
});

describe('slots: the day of a report', () => {
  const reportDays = (sentence: string) =>
    extract({ text: `Mayor quits\n\n${sentence}`, publishedAt: '2017-06-05' })
      .claims.flatMap((c) => c.slots)
      .filter((s) => s.slot === 'date' && s.subject.startsWith('report:'))
      .map((s) => s.text);
  it('is the day right after the reporting verb, not a day inside what was reported', () => {
    expect(reportDays('Reuters reported on Monday that the mayor of Portville resigned after the vote.')).toEqual([
      'on Monday',
    ]);
    expect(
      reportDays('Documents published by Reuters revealed that as late as October 31, hackers targeted the council.'),
    ).toEqual([]);
  });
});
