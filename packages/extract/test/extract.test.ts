import { EXTRACT_ERROR_CODES } from '@claimgraph/shared';
import { describe, expect, it } from 'vitest';
import { typeAt } from './events-helpers.js';
import { compare, extract, ExtractError, EXTRACTOR_VERSION, toComparable } from '../src/index.js';

const WIRE = `Ministers agree ceasefire talks: report

LONDON, May 4 (Reuters) - Egypt and Qatar will host new ceasefire talks on Sunday, two officials with knowledge of the plans told Reuters.

"We are ready to attend," Hamas official Basem Naim said in a statement.

Israeli Prime Minister Benjamin Netanyahu denied that a deal was close. Netanyahu said the army would continue its operations.`;

describe('extract()', () => {
  it('returns a versioned, offset-consistent result', () => {
    const r = extract({ text: WIRE, outlet: 'Reuters', publishedAt: '2024-05-04' });
    expect(r.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect(EXTRACTOR_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.title).toBe('Ministers agree ceasefire talks: report');
    for (const s of r.sentences) expect(r.body.slice(s.start, s.end)).toBe(s.text);
    for (const a of r.actors) for (const m of a.mentions) expect(r.body.slice(m.start, m.end)).toBe(m.text);
    for (const c of r.claims) {
      expect(c.evidence.end).toBeGreaterThan(c.evidence.start);
      expect(c.attribution[0]?.label).toBe('Reuters');
    }
    for (const e of r.events) expect(r.body.slice(e.surface.start, e.surface.end)).toBe(e.surface.text);
  });

  it('finds actors, aliases and attribution chains', () => {
    const r = extract({ text: WIRE, outlet: 'Reuters', publishedAt: '2024-05-04' });
    const names = r.actors.map((a) => a.canonicalName);
    expect(names).toEqual(
      expect.arrayContaining(['Egypt', 'Qatar', 'Hamas', 'Basem Naim', 'Benjamin Netanyahu', 'Israel']),
    );
    const bibi = r.actors.find((a) => a.canonicalName === 'Benjamin Netanyahu');
    expect(bibi?.aliases.map((x) => x.alias)).toContain('Netanyahu');
    const talks = r.claims.find((c) =>
      r.body.slice(c.evidence.start, c.evidence.end).includes('ceasefire talks on Sunday'),
    );
    expect(talks?.attribution.map((n) => n.label)).toEqual(['Reuters', 'two officials with knowledge of the plans']);
    const denied = r.claims.find((c) =>
      r.body.slice(c.evidence.start, c.evidence.end).startsWith('Israeli Prime Minister'),
    );
    expect(denied?.modality).toBe('DENIED');
    expect(denied?.attribution.at(-1)?.label).toBe('Benjamin Netanyahu');
    const sunday = r.events.find((e) => e.date.text?.includes('Sunday'));
    // "will host new ceasefire talks on Sunday", published on Saturday 2024-05-04: the talks are to come.
    expect(sunday?.date.value).toBe('2024-05-05');
  });

  it('is deterministic', () => {
    const a = extract({ text: WIRE, outlet: 'Reuters' });
    const b = extract({ text: WIRE, outlet: 'Reuters' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('reads HTML without scripts, styles or navigation', () => {
    const html = `<html><head><style>p{color:red}</style><script>var x = "<p>Evil said the script.</p>";</script></head>
      <body><nav>Home | News</nav><h1>Talks resume</h1><p>Egypt said on Monday that talks would resume.</p>
      <figure><figcaption>Delegates arrive (Photo: AFP)</figcaption></figure><p>Qatar&#8217;s foreign ministry confirmed the date.</p></body></html>`;
    const r = extract({ text: html, outlet: 'Example' });
    expect(r.body).not.toMatch(/Evil|color|Home \|/);
    expect(r.body).toContain('Qatar’s foreign ministry confirmed');
    expect(r.title).toBe('Talks resume');
  });

  it('throws only typed errors', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ExtractError);
        return (e as ExtractError).code;
      }
      return null;
    };
    expect(codeOf(() => extract({ text: '' }))).toBe('EMPTY_TEXT');
    expect(codeOf(() => extract({ text: '  \n\t  ' }))).toBe('EMPTY_TEXT');
    expect(codeOf(() => extract({ text: '\u0000\u0001\u0002'.repeat(100) }))).toBe('BINARY_CONTENT');
    expect(codeOf(() => extract({ text: '... !!! ??? ---' }))).toBe('NO_SENTENCES');
    expect(codeOf(() => extract({ text: 42 as unknown as string }))).toBe('INVALID_INPUT');
    expect(codeOf(() => extract(null as unknown as { text: string }))).toBe('INVALID_INPUT');
    expect(codeOf(() => extract({ text: 'x'.repeat(9_000_000) }))).toBe('TOO_LARGE');
    for (const c of ['EMPTY_TEXT', 'BINARY_CONTENT', 'NO_SENTENCES', 'INVALID_INPUT', 'TOO_LARGE'])
      expect(EXTRACT_ERROR_CODES).toContain(c);
  });

  it('keeps invalid UTF-8 (replacement characters) as text when it is mostly readable', () => {
    const bytes = Buffer.concat([
      Buffer.from('Officials said the talks failed. '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' Egypt denied it.'),
    ]);
    const r = extract({ text: bytes.toString('utf8') });
    expect(r.body).not.toContain('\ufffd');
    expect(r.sentences.length).toBeGreaterThan(0);
  });
});

describe('dates of reporting clauses', () => {
  // Published on Thursday 2023-03-16: Sunday = 03-12, Monday = 03-13, Tuesday = 03-14, Friday = 03-10.
  const events = (text: string) => extract({ text, outlet: 'Example', publishedAt: '2023-03-16' }).events;
  const dated = (text: string) => events(text).map((e) => `${e.type} ${e.date.value ?? '-'}`);

  it('dates the report, not the happening it reports ("..., X said on Tuesday")', () => {
    expect(dated('Drones struck a fuel depot near the river port, the regional governor said on Tuesday.')).toEqual([
      'STRIKE -',
      'STATEMENT 2023-03-14',
    ]);
  });

  it('reads a date between the speaker and the verb, and an object or phrase after the verb', () => {
    expect(dated('The health ministry on Monday confirmed that an airstrike destroyed a school in the north.')).toEqual(
      ['STRIKE -', 'STATEMENT 2023-03-13'],
    );
    const weekend = events(
      'A police spokesman told reporters over the weekend that gunmen had attacked a border checkpoint.',
    );
    expect(weekend.map((e) => `${e.type} ${e.date.precision}`)).toEqual(['ATTACK UNKNOWN', 'STATEMENT APPROXIMATE']);
    expect(
      dated('The rebels claimed the raid in a statement on Tuesday, saying their fighters had ambushed a convoy.'),
    ).toEqual(['ATTACK -', 'STATEMENT 2023-03-14']);
  });

  it('keeps a date of the main clause on the happening', () => {
    expect(dated('Warplanes bombed the port on Sunday, officials said.')).toEqual(['STRIKE 2023-03-12']);
    expect(dated('Warplanes bombed the port on Sunday, officials said on Monday.')).toEqual([
      'STRIKE 2023-03-12',
      'STATEMENT 2023-03-13',
    ]);
    // Words between the verb and the date that name a happening make it the happening's date.
    expect(dated('The army said jets struck the camp on Friday.')).toEqual(['STRIKE 2023-03-10']);
    // A reported content without a happening leaves the date to the sentence's own event (the talks).
    expect(
      dated('In talks with his Egyptian counterpart, the minister said on Monday that the truce would hold.'),
    ).toEqual(['MEETING 2023-03-13']);
  });

  it('names the speaker as the agent of the report and links claims to the happening', () => {
    const r = extract({
      text: 'Drones struck a fuel depot in Ukraine, Russia said on Tuesday.',
      outlet: 'Example',
      publishedAt: '2023-03-16',
    });
    const report = r.events.find((e) => e.type === 'STATEMENT');
    const name = (key: string) => r.actors.find((a) => a.key === key)?.canonicalName;
    expect(report?.actors.map((a) => `${name(a.actorKey)}:${a.role}`)).toEqual(['Ukraine:TARGET', 'Russia:AGENT']);
    expect(report?.place).toBeNull();
    expect(r.claims.map((c) => r.events.find((e) => e.key === c.eventKey)?.type)).toEqual(['STRIKE']);
  });
});

describe('compare()', () => {
  it('finds a count contradiction and a corroboration across outlets', () => {
    const a = extract({
      text: 'Rebels fired three drones at the Jizan terminal, Houthi spokesman Yahya Saree said on Monday.',
      outlet: 'A',
    });
    const b = extract({
      text: 'Houthi spokesman Yahya Saree said the group fired five drones at the Jizan terminal.',
      outlet: 'B',
    });
    const c = extract({ text: 'The Houthis fired three drones at the Jizan terminal, Yahya Saree said.', outlet: 'C' });
    const res = compare([...toComparable(a, 'a', 'A'), ...toComparable(b, 'b', 'B'), ...toComparable(c, 'c', 'C')]);
    const contra = res.relations.filter((r) => r.kind === 'CONTRADICTS');
    expect(contra.some((r) => r.slot === 'count' && [r.fromValue, r.toValue].sort().join() === '3,5')).toBe(true);
    expect(contra.some((r) => [r.fromId, r.toId].sort().join() === 'a#0,c#0')).toBe(false);
    expect(res.clusters.length).toBeGreaterThan(0);
  });

  it('is empty for no input', () => {
    expect(compare([])).toEqual({ clusters: [], relations: [] });
  });
});

describe('what is a claim', () => {
  it('a fragment of fewer than four words is no claim; a short line with a number still is', () => {
    const r = extract({
      text: 'Title\n\nThe ministry said two drones were shot down near the border.\n\nAs you were.\n\nToll: 12 dead.',
      outlet: 'X',
    });
    const texts = r.claims.map((c) => r.body.slice(c.evidence.start, c.evidence.end));
    expect(texts).toContain('The ministry said two drones were shot down near the border.');
    expect(texts).not.toContain('As you were.');
    expect(texts).toContain('Toll: 12 dead.');
  });
});

describe('sentences of text whose line breaks were lost', () => {
  it('split where paragraphs or quotations were glued together, not at abbreviations or inside names', () => {
    const text =
      'Title\n\nThe strike came on Saturday.Then the ministry spoke."We fired two missiles," he said."It was over."Officials in the U.S. Army agreed.';
    const r = extract({ text, outlet: 'X' });
    expect(r.sentences.map((s) => s.text).filter((t) => t !== 'Title')).toEqual([
      'The strike came on Saturday.',
      'Then the ministry spoke.',
      '"We fired two missiles," he said.',
      '"It was over."',
      'Officials in the U.S. Army agreed.',
    ]);
  });
});

describe('event types', () => {
  it('a date ahead in a reported statement dates the announced happening, not the statement', () => {
    const r = extract({
      text: 'Title\n\nThe committee chairman said on Monday that public hearings will begin next Wednesday.',
      outlet: 'X',
      publishedAt: '2019-11-06',
    });
    const ahead = r.events.find((e) => e.date.text?.includes('next Wednesday'));
    expect(ahead?.type).toBe('OTHER');
  });
  it('a date inside what a speaker said dates the reported happening, not the statement', () => {
    expect(
      typeAt('The spokesperson denied that foreign aircraft had entered the airspace last week.', 'last week'),
    ).toBe('OTHER');
    expect(typeAt('The governor told reporters that the plant closed in March.', 'March')).toBe('OTHER');
    // The date of the saying stays the statement's, also after a that-clause inside an earlier quote.
    expect(typeAt('The ministry said on Monday that the plant would close.', 'Monday')).toBe('STATEMENT');
    expect(typeAt('"I am proud to say that we are united," the senator said in a statement Friday.', 'Friday')).toBe(
      'STATEMENT',
    );
  });
  it('acts of courts, prosecutors, police and legislatures are happenings of their own, not statements', () => {
    expect(typeAt('In a 20 October ruling, the judge said the company had ignored the court.', '20 October')).toBe(
      'OTHER',
    );
    expect(typeAt('Prosecutors charged the bank on Oct. 15 with fraud.', 'Oct. 15')).toBe('OTHER');
    expect(typeAt('The senator said she voted for the bill in 2008.', '2008')).toBe('OTHER');
    // An arrest reported on a later day: the report's date stays the statement's.
    expect(typeAt('Police said on Monday that a man had been arrested.', 'Monday')).toBe('STATEMENT');
    // A charge made in words is a statement.
    expect(typeAt('Critics charged on Monday that the plan was unfair.', 'Monday')).toBe('STATEMENT');
  });
  it("a happening named after the date behind 'after' or 'before' anchors the date's happening, it is not it", () => {
    expect(typeAt('The minister phoned his counterpart on Tuesday after the attack on the embassy.', 'Tuesday')).toBe(
      'MEETING',
    );
    // Before the date, the named happening is what the date dates.
    expect(typeAt('Checks began after the killing of a guard on Tuesday.', 'Tuesday')).toBe('KILLING');
    // With no other happening in the clause, the anchor still types the date.
    expect(typeAt('Troops were on alert on Tuesday after the attack on the embassy.', 'Tuesday')).toBe('ATTACK');
  });
  it("a date takes the type of the happening in its own clause, not the sentence's first trigger (a fronted adjunct belongs to the clause)", () => {
    expect(
      typeAt('Jets struck the depot last month, and the two ministers met on Tuesday to discuss a truce.', 'Tuesday'),
    ).toBe('MEETING');
    expect(
      typeAt(
        'Jets struck the depot last month, and the two ministers met on Tuesday to discuss a truce.',
        'last month',
      ),
    ).toBe('STRIKE');
    expect(
      typeAt(
        'In a phone call with his counterpart, the minister on Tuesday told him the border would reopen.',
        'Tuesday',
      ),
    ).toBe('MEETING');
  });
});

describe('inline chrome', () => {
  it("a related-headline hover card inside a sentence is not part of the claim text (evidence offsets stay the body's)", () => {
    const text =
      'Senators push back\n\nSenate Majority Leader Mitch McConnell Addison (Mitch) Mitch McConnellGOP senators balk at Trump plan for border MORE (R-Ky.) said on Tuesday that the Senate would vote next week on the measure.';
    const r = extract({ text, outlet: 'The Hill' });
    const c = r.claims.find((x) => x.text.includes('would vote next week'));
    expect(c?.text).not.toMatch(/balk|MORE/);
    expect(r.body.slice(c!.evidence.start, c!.evidence.end)).toContain('MORE');
  });
});
