// Corroboration precision on the labelled corpus pairs (eval/corpus-pairs/README.md): compare() is run
// over the claims of each pair's two articles, as the link stage gives them (text, slots, actors' names,
// event, publication day), and the pair counts as called a corroboration when a CORROBORATES relation
// joins its two claims. Precision = pairs labelled `same` among those called; recall on the pairs =
// called among those labelled `same` (the gold's recall is the honest one: these pairs were drawn from
// what compare() and a looser bar already relate).
import { createHash } from 'node:crypto';
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
  /**
   * How the pair was drawn: related by compare(), joined only through a cluster, or a near miss (corroboration
   * pairs); related by compare() as a contradiction, or two claims whose slots disagree (contradiction pairs).
   */
  source: 'corroborates' | 'cluster' | 'near' | 'contradicts' | 'slot';
  /** Corroboration pairs: `same` or `different`; contradiction pairs: `contradicts` or `compatible`. */
  label: 'same' | 'different' | 'contradicts' | 'compatible' | null;
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

/** A dump of scripts/corpus-links.ts: what the pairs are drawn from (eval/*-pairs/draw.ts). */
export interface LinkDump {
  articles: Record<
    string,
    { outlet: string; published: string | null; url: string; title: string; claims: ComparableClaim[] }
  >;
  relations: [string, string, string, string][];
  near: [string, string][];
}
export const readDump = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as LinkDump;
export const md5 = (s: string) => createHash('md5').update(s).digest('hex');
/** Claim pairs (each ordered) in a fixed-seed order, so that a draw can be repeated. */
export const fixedOrder = (seed: string, pairs: [string, string][]) =>
  pairs
    .map(([x, y]) => (x < y ? [x, y] : [y, x]) as [string, string])
    .sort((p, q) => (md5(`${seed}:${p.join(' ')}`) < md5(`${seed}:${q.join(' ')}`) ? -1 : 1));
/** One side of a pair as pairs.jsonl holds it. */
export const sideOf = (dump: LinkDump, c: ComparableClaim): PairSide => {
  const art = dump.articles[c.articleId]!;
  return { claimId: c.id, text: c.claim.text, outlet: art.outlet, published: art.published, url: art.url };
};

/** The ISO week (2018-W03) of a day: the unit of the pairs' split. */
export function isoWeek(day: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return `${thursday.getUTCFullYear()}-W${String(Math.ceil(((thursday.getTime() - jan1) / 86_400_000 + 1) / 7)).padStart(2, '0')}`;
}

/**
 * Precision and recall of one relation kind on labelled pairs: CORROBORATES against `same`, CONTRADICTS
 * against `contradicts`.
 */
export function scorePairs(dir: string, kind: 'CORROBORATES' | 'CONTRADICTS' = 'CORROBORATES'): PairsReport | null {
  const positive = kind === 'CONTRADICTS' ? 'contradicts' : 'same';
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
          .relations.filter((x) => x.kind === kind)
          .flatMap((x) => [`${x.fromId} ${x.toId}`, `${x.toId} ${x.fromId}`]),
      );
      byArticles.set(key, linked);
    }
    const s = out[r.half];
    const called = linked.has(`${r.a.claimId} ${r.b.claimId}`);
    const same = r.label === positive;
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

export function formatPairs(
  p: PairsReport,
  listErrors: { tuning: boolean; checking: boolean },
  title = 'corpus pairs (labelled, eval/corpus-pairs): corroboration precision by half',
): string[] {
  const lines = [title];
  for (const half of ['tuning', 'checking'] as const) {
    const s = p[half];
    const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
    lines.push(
      `  ${half.padEnd(9)} precision ${f(s.precision)} (${s.calledSame}/${s.called}), recall on the pairs ${f(s.recall)} (${s.calledSame}/${s.same}); ${s.pairs} pairs labelled`,
    );
    if (listErrors[half]) {
      if (s.falsePositives.length) lines.push(`    called, labelled otherwise: ${s.falsePositives.join(', ')}`);
      if (s.falseNegatives.length) lines.push(`    labelled so, not called: ${s.falseNegatives.join(', ')}`);
    }
  }
  return lines;
}
