// Corroboration precision on the labelled corpus pairs (eval/corpus-pairs/README.md): compare() is run
// over the claims of each pair's two articles, as the link stage gives them (text, slots, actors' names,
// event, publication day), and the pair counts as called a corroboration when a CORROBORATES relation
// joins its two claims. Precision = pairs labelled `same` among those called; recall on the pairs =
// called among those labelled `same` (the gold's recall is the honest one: these pairs were drawn from
// what compare() and a looser bar already relate).
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ComparableClaim } from '@claimgraph/shared';
import { compare } from '../src/index.js';

export type PairHalf = 'tuning' | 'checking';
export interface PairSide {
  claimId: string;
  text: string;
  outlet: string;
  published: string | null;
  url: string;
}
export interface PairRow {
  id: string;
  half: PairHalf;
  /** ISO week of the earlier article (the split's unit), null when neither is dated. */
  week: string | null;
  /** How the pair was drawn: related by compare(), joined only through a cluster, or a near miss. */
  source: 'corroborates' | 'cluster' | 'near';
  label: 'same' | 'different' | null;
  note?: string;
  a: PairSide;
  b: PairSide;
}
/** What compare() reads of a claim, and nothing more. */
interface ContextClaim {
  id: string;
  text: string;
  slots: ComparableClaim['claim']['slots'];
  actorNames: string[];
  event: ComparableClaim['event'];
}
interface ContextArticle {
  articleId: string;
  outlet: string;
  published: string | null;
  claims: ContextClaim[];
}

export function contextOf(
  articleId: string,
  a: { outlet: string; published: string | null; claims: ComparableClaim[] },
) {
  return {
    articleId,
    outlet: a.outlet,
    published: a.published,
    claims: a.claims.map((c) => ({
      id: c.id,
      text: c.claim.text,
      slots: c.claim.slots,
      actorNames: c.actorNames,
      event: c.event,
    })),
  } satisfies ContextArticle;
}

/** A context article's claims as the link stage builds them (packages/ingest/src/service/link.ts). */
const comparables = (a: ContextArticle): ComparableClaim[] =>
  a.claims.map((c) => ({
    id: c.id,
    articleId: a.articleId,
    outlet: '',
    claim: {
      key: '',
      text: c.text,
      evidence: { start: 0, end: 0 },
      attribution: [],
      modality: 'REPORTED',
      actors: [],
      eventKey: null,
      slots: c.slots,
    },
    actorNames: c.actorNames,
    event: c.event,
    published: a.published,
  }));

export interface PairScore {
  pairs: number;
  same: number;
  called: number;
  calledSame: number;
  precision: number | null;
  recall: number | null;
  /** Pairs called a corroboration but labelled different, and labelled same but not called (ids). */
  falsePositives: string[];
  falseNegatives: string[];
}
export type PairsReport = Record<PairHalf, PairScore>;

export function loadPairs(dir: string): { rows: PairRow[]; context: Map<string, ContextArticle> } | null {
  const pairsFile = `${dir}/pairs.jsonl`;
  if (!existsSync(pairsFile)) return null;
  const rows = readFileSync(pairsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PairRow);
  const context = new Map<string, ContextArticle>();
  for (const line of gunzipSync(readFileSync(`${dir}/context.jsonl.gz`))
    .toString('utf8')
    .split('\n'))
    if (line) {
      const a = JSON.parse(line) as ContextArticle;
      context.set(a.articleId, a);
    }
  return { rows, context };
}

const articleOf = (id: string) => id.slice(0, id.indexOf('#'));
const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

export function scorePairs(dir: string): PairsReport | null {
  const loaded = loadPairs(dir);
  if (!loaded) return null;
  const { rows, context } = loaded;
  const byArticles = new Map<string, Set<string>>();
  const empty = (): PairScore => ({
    pairs: 0,
    same: 0,
    called: 0,
    calledSame: 0,
    precision: null,
    recall: null,
    falsePositives: [],
    falseNegatives: [],
  });
  const out: PairsReport = { tuning: empty(), checking: empty() };
  for (const r of rows) {
    if (!r.label) continue;
    const arts = [articleOf(r.a.claimId), articleOf(r.b.claimId)].sort();
    const key = arts.join(' ');
    let linked = byArticles.get(key);
    if (!linked) {
      const claims = arts.flatMap((id) => {
        const a = context.get(id);
        if (!a) throw new Error(`corpus pairs: no context for article ${id}`);
        return comparables(a);
      });
      linked = new Set(
        compare(claims)
          .relations.filter((x) => x.kind === 'CORROBORATES')
          .flatMap((x) => [`${x.fromId} ${x.toId}`, `${x.toId} ${x.fromId}`]),
      );
      byArticles.set(key, linked);
    }
    const s = out[r.half];
    const called = linked.has(`${r.a.claimId} ${r.b.claimId}`);
    const same = r.label === 'same';
    s.pairs++;
    if (same) s.same++;
    if (called) s.called++;
    if (called && same) s.calledSame++;
    if (called && !same) s.falsePositives.push(r.id);
    if (!called && same) s.falseNegatives.push(r.id);
  }
  for (const s of Object.values(out)) {
    s.precision = ratio(s.calledSame, s.called);
    s.recall = ratio(s.calledSame, s.same);
  }
  return out;
}

export function formatPairs(p: PairsReport, listErrors: { tuning: boolean; checking: boolean }): string[] {
  const lines = ['corpus pairs (labelled, eval/corpus-pairs): corroboration precision by half'];
  for (const half of ['tuning', 'checking'] as const) {
    const s = p[half];
    const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
    lines.push(
      `  ${half.padEnd(9)} precision ${f(s.precision)} (${s.calledSame}/${s.called}), recall on the pairs ${f(s.recall)} (${s.calledSame}/${s.same}); ${s.pairs} pairs labelled`,
    );
    if (listErrors[half]) {
      if (s.falsePositives.length) lines.push(`    called, labelled different: ${s.falsePositives.join(', ')}`);
      if (s.falseNegatives.length) lines.push(`    labelled same, not called: ${s.falseNegatives.join(', ')}`);
    }
  }
  return lines;
}
