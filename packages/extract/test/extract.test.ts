import { EXTRACT_ERROR_CODES } from '@claimgraph/shared';
import { describe, expect, it } from 'vitest';
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
    expect(names).toEqual(expect.arrayContaining(['Egypt', 'Qatar', 'Hamas', 'Basem Naim', 'Benjamin Netanyahu', 'Israel']));
    const bibi = r.actors.find((a) => a.canonicalName === 'Benjamin Netanyahu');
    expect(bibi?.aliases.map((x) => x.alias)).toContain('Netanyahu');
    const talks = r.claims.find((c) => r.body.slice(c.evidence.start, c.evidence.end).includes('ceasefire talks on Sunday'));
    expect(talks?.attribution.map((n) => n.label)).toEqual(['Reuters', 'two officials with knowledge of the plans']);
    const denied = r.claims.find((c) => r.body.slice(c.evidence.start, c.evidence.end).startsWith('Israeli Prime Minister'));
    expect(denied?.modality).toBe('DENIED');
    expect(denied?.attribution.at(-1)?.label).toBe('Benjamin Netanyahu');
    const sunday = r.events.find((e) => e.date.text?.includes('Sunday'));
    expect(sunday?.date.value).toBe('2024-04-28');
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
    for (const c of ['EMPTY_TEXT', 'BINARY_CONTENT', 'NO_SENTENCES', 'INVALID_INPUT', 'TOO_LARGE']) expect(EXTRACT_ERROR_CODES).toContain(c);
  });

  it('keeps invalid UTF-8 (replacement characters) as text when it is mostly readable', () => {
    const bytes = Buffer.concat([Buffer.from('Officials said the talks failed. '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' Egypt denied it.')]);
    const r = extract({ text: bytes.toString('utf8') });
    expect(r.body).not.toContain('\ufffd');
    expect(r.sentences.length).toBeGreaterThan(0);
  });
});

describe('compare()', () => {
  it('finds a count contradiction and a corroboration across outlets', () => {
    const a = extract({ text: 'Rebels fired three drones at the Jizan terminal, Houthi spokesman Yahya Saree said on Monday.', outlet: 'A' });
    const b = extract({ text: 'Houthi spokesman Yahya Saree said the group fired five drones at the Jizan terminal.', outlet: 'B' });
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
