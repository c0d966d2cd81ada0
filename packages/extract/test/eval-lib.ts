// Scoring logic shared by scripts/eval.ts and the regression test. Gives the extractor only the text,
// the outlet's name, and url / published_external when the gold file has them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ClaimRelationResult, ExtractionResult, ExtractedClaim } from '@claimgraph/shared';
import { compare, extract, toComparable } from '../src/index.js';
import { translitKey } from '../src/actors/tokens.js';
import { modalitySieve } from '../src/claims/modality.js';

export interface GoldFile {
  file: string;
  outlet: { name: string };
  url?: string;
  published_external?: string;
  actors: { canonical: string; type: string; aliases: string[]; boilerplate_only?: boolean }[];
  /** `date_external`: the day given the publication date an ingest knows (allsides, intl); scored instead of `date` when present. */
  events: { id: string; type?: string; date: string | null; date_text: string | null; date_external?: string | null }[];
  claims: { text: string; evidence: string; asserted_by: string[]; modality: string; event_id: string | null }[];
}
export interface GoldRelation {
  id: string;
  /** `unrelated`: the story's articles tell different stories; no contradiction is expected among them. */
  kind: 'contradiction' | 'corroboration' | 'unrelated';
  /** Set in allsides/intl gold: the items of one story list its contradictions exhaustively. */
  story?: string;
  articles?: string[];
  claims: { file: string; claim_index: number; evidence: string }[];
  /**
   * Of a contradiction: the slot the claims disagree on, in compare()'s words (count, distance, time, date, role, scope,
   * means, agent; `category` for a clash no slot extractor reads). A CONTRADICTS relation finds it only in that slot.
   */
  slot?: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export type ChainErrorKind = 'missingHop' | 'extraHop' | 'wrongSpeaker' | 'wrongOutlet' | 'other';
export const CHAIN_ERROR_KINDS: ChainErrorKind[] = ['missingHop', 'extraHop', 'wrongSpeaker', 'wrongOutlet', 'other'];
export interface ChainError {
  file: string;
  kind: ChainErrorKind;
  ours: string[];
  gold: string[];
  evidence: string;
}
export interface ActorError {
  file: string;
  name: string;
  kind: string;
}
export interface FileScore {
  file: string;
  actor: Counts;
  claim: Counts;
  chain: { ok: number; n: number };
  modality: { ok: number; n: number };
  date: { ok: number; n: number };
  /** Where we date an event with the gold's date words, it is of the gold event's type (a report date must not date the happening). */
  dateType: { ok: number; n: number };
  /** Matched claims' modalities: [gold, ours]. */
  /** [gold, ours, the sieve that decided ours] per matched claim. */
  modalityPairs: [string, string, string][];
  chainErrors: ChainError[];
  actorFalsePositives: ActorError[];
  actorFalseNegatives: ActorError[];
  misses: string[];
}
export interface Overall {
  actorP: number;
  actorR: number;
  actorF1: number;
  claimP: number;
  claimR: number;
  claimF1: number;
  chainExact: number;
  modalityAcc: number;
  dateAcc: number;
  dateAccResolved: number;
  dateTypeAcc: number;
  contradictionsFound: number;
  contradictionsListed: number;
  corroborationsFlagged: number;
  corroborationsListed: number;
}
export const HEADLINE = ['actorF1', 'claimF1', 'chainExact', 'modalityAcc', 'dateAcc', 'dateTypeAcc'] as const;

/** Where the eval fails: beside the headline figures in --json. */
export interface Diagnostics {
  /** gold modality → our modality → count, over matched claims. */
  modalityConfusion: Record<string, Record<string, number>>;
  /** Per modality sieve: claims it decided and how many of them the gold agrees with. */
  modalitySieves: Record<string, { ok: number; n: number }>;
  chainErrorsByKind: Record<ChainErrorKind, number>;
  chainErrors: ChainError[];
  actorFalsePositives: ActorError[];
  actorFalseNegatives: ActorError[];
}

/** Cross-outlet counts, per story and summed. */
interface RelationCounts {
  /** CONTRADICTS relations we emit between two different articles of a story. */
  ourContradictions: number;
  /** …of which map onto a listed contradiction. */
  trueContradictions: number;
  contradictionsListed: number;
  contradictionsFound: number;
  corroborationsListed: number;
  corroborationsFound: number;
  /** Must be 0: listed corroborations we link by CONTRADICTS. */
  corroborationsCalledContradictions: number;
}
/** compare() over each story's articles against its exhaustive contradictions.json items. */
export interface StoryScore extends RelationCounts {
  story: string;
  unrelated: boolean;
  articles: number;
  /** Our contradictions that no listed contradiction covers ("from x to: reason"). */
  falseContradictions: string[];
  /** Ids of the listed contradictions and corroborations we did not link. */
  missed: string[];
}
export interface RelationScore extends RelationCounts {
  stories: StoryScore[];
  /** null when we emit no contradiction at all (nothing to be precise about). */
  contradictionPrecision: number | null;
  contradictionRecall: number | null;
  corroborationRecall: number | null;
  /** Must be 0: contradictions between two articles of an `unrelated` story. */
  unrelatedContradictions: number;
}

const norm = (s: string) => translitKey(s.replace(/^the\s+/i, '').replace(/[’']s\b/g, ''));
const f1 = (c: Counts) => {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const overlapRatio = (a: [number, number], b: [number, number]) => {
  const o = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return o <= 0 ? 0 : o / Math.min(a[1] - a[0], b[1] - b[0]);
};
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const ratio = (a: number, b: number) => (b ? round3(a / b) : null);

function locate(body: string, evidence: string): [number, number] | null {
  let i = body.indexOf(evidence);
  if (i < 0) i = body.indexOf(evidence.trim());
  return i < 0 ? null : [i, i + evidence.trim().length];
}

export function run(gold: GoldFile, text: string): ExtractionResult {
  return extract({
    text,
    outlet: gold.outlet.name,
    ...(gold.url ? { url: gold.url } : {}),
    ...(gold.published_external ? { publishedAt: gold.published_external } : {}),
  });
}

/** The gold's event day: the one an ingest can know (`date_external`) where the gold gives it. */
const expectedDate = (ev: GoldFile['events'][number]) =>
  ev.date_external !== undefined && ev.date_external !== null ? ev.date_external : ev.date;

export function scoreFile(gold: GoldFile, res: ExtractionResult): FileScore {
  const misses: string[] = [];
  // Actors: one-to-one, matched when any name of ours equals any gold name (after normalisation).
  const goldActors = gold.actors.filter((a) => !a.boilerplate_only);
  const ours = res.actors.map((a) => new Set([a.canonicalName, ...a.aliases.map((x) => x.alias)].map(norm)));
  const used = new Set<number>();
  const actorFalseNegatives: ActorError[] = [];
  let atp = 0;
  for (const g of goldActors) {
    const names = [g.canonical, ...g.aliases].map(norm);
    const idx = ours.findIndex((set, i) => !used.has(i) && names.some((n) => set.has(n)));
    if (idx >= 0) {
      used.add(idx);
      atp++;
    } else {
      misses.push(`actor missed: ${g.canonical}`);
      actorFalseNegatives.push({ file: gold.file, name: g.canonical, kind: g.type });
    }
  }
  const actorFalsePositives: ActorError[] = [];
  res.actors.forEach((a, i) => {
    if (used.has(i)) return;
    misses.push(`actor extra: ${a.canonicalName} (${a.kind})`);
    actorFalsePositives.push({ file: gold.file, name: a.canonicalName, kind: a.kind });
  });
  const actor = { tp: atp, fp: res.actors.length - used.size, fn: goldActors.length - atp };

  // Claims: matched by evidence-span overlap (≥ 50 % of the shorter span).
  const spans = res.claims.map((c) => [c.evidence.start, c.evidence.end] as [number, number]);
  const goldSpans = gold.claims.map((c) => locate(res.body, c.evidence));
  const claimMatched = new Set<number>();
  let gtp = 0;
  const chain = { ok: 0, n: 0 };
  const modality = { ok: 0, n: 0 };
  const modalityPairs: [string, string, string][] = [];
  const chainErrors: ChainError[] = [];
  gold.claims.forEach((g, gi) => {
    const gs = goldSpans[gi];
    if (!gs) {
      misses.push(`claim not in body: ${g.evidence.slice(0, 60)}`);
      return;
    }
    let best = -1;
    let bestScore = 0;
    spans.forEach((s, i) => {
      const r = overlapRatio(s, gs);
      if (r >= 0.5) {
        claimMatched.add(i);
        const score = r - Math.abs(s[1] - s[0] - (gs[1] - gs[0])) / 10000;
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
    });
    if (best < 0) {
      misses.push(`claim missed: ${g.evidence.slice(0, 70)}`);
      return;
    }
    gtp++;
    const c = res.claims[best] as ExtractedClaim;
    chain.n++;
    const kind = chainError(c, g.asserted_by, res, gold);
    if (!kind) chain.ok++;
    else {
      const ourLabels = c.attribution.map((n) => n.label);
      chainErrors.push({
        file: gold.file,
        kind,
        ours: ourLabels,
        gold: g.asserted_by,
        evidence: g.evidence.slice(0, 80),
      });
      misses.push(
        `chain (${kind}): [${ourLabels.join(' > ')}] vs gold [${g.asserted_by.join(' > ')}] — ${g.evidence.slice(0, Number(process.env.EVAL_WIDTH) || 50)}`,
      );
    }
    modality.n++;
    const ourModality = c.modality.toLowerCase();
    modalityPairs.push([g.modality, ourModality, modalitySieve.get(c) ?? '?']);
    if (ourModality === g.modality) modality.ok++;
    else
      misses.push(
        `modality: ${ourModality} (${modalitySieve.get(c) ?? '?'}) vs gold ${g.modality} — ${g.evidence.slice(0, Number(process.env.EVAL_WIDTH) || 50)}`,
      );
  });
  spans.forEach((s, i) => {
    if (!claimMatched.has(i) && !goldSpans.some((gs) => gs && overlapRatio(s, gs) >= 0.5))
      misses.push(`claim extra: ${res.body.slice(s[0], s[1]).slice(0, 70)}`);
  });
  const claimFp = spans.filter((s) => !goldSpans.some((gs) => gs && overlapRatio(s, gs) >= 0.5)).length;
  const claim = { tp: gtp, fp: claimFp, fn: gold.claims.length - gtp };

  // Dates: each gold event with date words; our event at that place, compared at day level.
  const date = { ok: 0, n: 0 };
  const dateType = { ok: 0, n: 0 };
  for (const ev of gold.events) {
    if (!ev.date_text) continue;
    let pos = -1;
    for (const c of gold.claims.filter((c) => c.event_id === ev.id)) {
      const loc = locate(res.body, c.evidence);
      const k = c.evidence.indexOf(ev.date_text);
      if (loc && k >= 0) {
        pos = loc[0] + k;
        break;
      }
    }
    if (pos < 0) pos = res.body.indexOf(ev.date_text);
    if (pos < 0) continue;
    date.n++;
    const cands = res.events.filter((e) => e.surface.start <= pos && e.surface.end > pos);
    const withText = cands.find((e) => {
      if (!e.date.text) return false;
      const at = e.surface.start + e.surface.text.indexOf(e.date.text);
      return at < pos + ev.date_text!.length && at + e.date.text.length > pos;
    });
    const e = withText ?? null;
    const predicted =
      e && e.date.value && (e.date.precision === 'DAY' || e.date.precision === 'EXACT')
        ? e.date.value.slice(0, 10)
        : null;
    const expected = expectedDate(ev);
    if (predicted === expected) date.ok++;
    else misses.push(`date: ${predicted} vs gold ${expected} — "${ev.date_text}"`);
    if (!ev.type || !e) continue;
    dateType.n++;
    if (e.type.toLowerCase() === ev.type) dateType.ok++;
    else misses.push(`date type: ${e.type.toLowerCase()} vs gold ${ev.type} — "${ev.date_text}"`);
  }
  return {
    file: gold.file,
    actor,
    claim,
    chain,
    modality,
    date,
    dateType,
    modalityPairs,
    chainErrors,
    actorFalsePositives,
    actorFalseNegatives,
    misses,
  };
}

/** A hop of ours names the gold's source: any name of ours equals any name the gold gives that actor (its
 * canonical name or an alias written in the text), as actors are matched: "Obama" in the text is the gold's "Barack Obama". */
function hopMatches(
  n: ExtractedClaim['attribution'][number],
  goldName: string,
  res: ExtractionResult,
  file: GoldFile,
): boolean {
  const hop = norm(goldName);
  const goldActor = file.actors.find((x) => norm(x.canonical) === hop);
  const goldNames = new Set([hop, ...(goldActor ? goldActor.aliases.map(norm) : [])]);
  if (goldNames.has(norm(n.label))) return true;
  const a = n.actorKey ? res.actors.find((x) => x.key === n.actorKey) : undefined;
  return !!a && [a.canonicalName, ...a.aliases.map((x) => x.alias)].some((x) => goldNames.has(norm(x)));
}

/** Whether `small` matches `big` hop by hop, in order, with hops of `big` left out. */
function isSubsequence<A, B>(small: A[], big: B[], eq: (a: A, b: B) => boolean): boolean {
  let j = 0;
  for (const b of big) if (j < small.length && eq(small[j] as A, b)) j++;
  return j === small.length;
}

/** null when the chain is exact; else what kind of error it is. */
function chainError(c: ExtractedClaim, gold: string[], res: ExtractionResult, file: GoldFile): ChainErrorKind | null {
  const ours = c.attribution;
  if (ours.length === gold.length) {
    const wrong = ours.map((n, i) => !hopMatches(n, gold[i] as string, res, file));
    if (!wrong.includes(true)) return null;
    if (!wrong[0]) return 'wrongSpeaker';
    return wrong.slice(1).includes(true) ? 'other' : 'wrongOutlet';
  }
  const eq = (n: ExtractedClaim['attribution'][number], g: string) => hopMatches(n, g, res, file);
  if (ours.length < gold.length) return isSubsequence(ours, gold, eq) ? 'missingHop' : 'other';
  return isSubsequence(gold, ours, (g, n) => eq(n, g)) ? 'extraHop' : 'other';
}

// ---------------------------------------------------------------------------------------------------
// Loading gold folders

export interface Folder {
  /** Where it came from, for messages (e.g. "allsides-gold [d00 d01]"). */
  name: string;
  golds: GoldFile[];
  readText: (file: string) => string;
  relations: GoldRelation[];
}

function isGold(x: unknown): x is GoldFile {
  const g = x as GoldFile;
  return (
    !!g &&
    typeof g === 'object' &&
    !Array.isArray(g) &&
    typeof g.file === 'string' &&
    typeof g.outlet?.name === 'string' &&
    Array.isArray(g.actors) &&
    Array.isArray(g.events) &&
    Array.isArray(g.claims)
  );
}

/**
 * Reads a folder of gold files (texts may sit beside them). A JSON file that is not gold (a manifest…)
 * or whose text is missing is skipped with a warning; `contradictions.json` gives the relations.
 * `stories`: keep only files (and relation items) whose name starts with one of these prefixes.
 */
export function loadFolder(
  goldDir: string,
  textsDir: string,
  stories?: string[],
  warn: (m: string) => void = (m) => console.warn(m),
): Folder {
  if (!existsSync(goldDir)) throw new Error(`gold folder not found: ${goldDir}`);
  if (!existsSync(textsDir)) throw new Error(`texts folder not found: ${textsDir}`);
  const inStories = (file: string) => !stories || stories.some((s) => file.startsWith(s));
  const golds: GoldFile[] = [];
  for (const f of readdirSync(goldDir)
    .filter((x) => x.endsWith('.json') && x !== 'contradictions.json')
    .sort()) {
    if (!inStories(f)) continue;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
    } catch (e) {
      warn(`skipped ${f}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    if (!isGold(data)) {
      warn(`skipped ${f}: not a gold file (needs file, outlet.name, actors, events, claims)`);
      continue;
    }
    if (!existsSync(join(textsDir, basename(data.file)))) {
      warn(`skipped ${f}: its text ${data.file} is not in ${textsDir}`);
      continue;
    }
    golds.push(data);
  }
  const files = new Set(golds.map((g) => g.file));
  const relPath = join(goldDir, 'contradictions.json');
  let relations: GoldRelation[] = [];
  if (existsSync(relPath)) {
    const all = readJson(relPath);
    if (!Array.isArray(all)) warn(`skipped ${relPath}: not a list of relation items`);
    else
      relations = (all as GoldRelation[]).filter((r) => {
        const its = r.articles ?? r.claims.map((c) => c.file);
        return its.some((f) => files.has(f));
      });
  }
  const name = basename(goldDir) + (stories ? ` [${stories.join(' ')}]` : '');
  return { name, golds, readText: (file) => readFileSync(join(textsDir, basename(file)), 'utf8'), relations };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

export interface SplitEntry {
  gold: string;
  texts: string;
  stories?: string[];
}
export type Split = Record<'tuning' | 'checking', SplitEntry[]>;

export function loadSplit(splitPath: string, warn?: (m: string) => void): Record<'tuning' | 'checking', Folder[]> {
  const split = readJson(splitPath) as Split;
  if (!Array.isArray(split?.tuning) || !Array.isArray(split?.checking))
    throw new Error(`${splitPath}: needs "tuning" and "checking" lists of folders`);
  const base = dirname(splitPath);
  const load = (e: SplitEntry) => loadFolder(resolve(base, e.gold), resolve(base, e.texts), e.stories, warn);
  return { tuning: split.tuning.map(load), checking: split.checking.map(load) };
}

// ---------------------------------------------------------------------------------------------------
// Scoring folders

export interface ScoredFolder {
  folder: Folder;
  results: Map<string, ExtractionResult>;
  files: FileScore[];
}

export function scoreFolder(folder: Folder): ScoredFolder {
  const results = new Map<string, ExtractionResult>();
  const files = folder.golds.map((g) => {
    const res = run(g, folder.readText(g.file));
    results.set(g.file, res);
    return scoreFile(g, res);
  });
  return { folder, results, files };
}

export interface Report {
  files: FileScore[];
  overall: Overall;
  diagnostics: Diagnostics;
  relations: RelationScore | null;
  relationsDetail: string[];
}

/** Our claims overlapping a gold claim's evidence (lenient on purpose: a gold claim may cover parts of two of ours). */
function claimMapper(s: ScoredFolder) {
  const golds = new Map(s.folder.golds.map((g) => [g.file, g]));
  return (file: string, idx: number, evidence: string): string[] => {
    const res = s.results.get(file);
    const gold = golds.get(file);
    if (!res || !gold) return [];
    const loc = locate(res.body, gold.claims[idx]?.evidence ?? evidence);
    if (!loc) return [];
    return res.claims
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => overlapRatio([c.evidence.start, c.evidence.end], loc) >= 0.3)
      .map(({ i }) => `${file}#${i}`);
  };
}

const comparablesOf = (s: ScoredFolder, files: string[]) => {
  const golds = new Map(s.folder.golds.map((g) => [g.file, g]));
  return files.flatMap((f) => {
    const res = s.results.get(f);
    const g = golds.get(f);
    return res && g ? toComparable(res, f, g.outlet.name) : [];
  });
};
const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
const fileOf = (id: string) => id.slice(0, id.lastIndexOf('#'));
/** Claim pairs (in different files) of an item, each side mapped onto our claims. */
function itemPairs(item: GoldRelation, map: ReturnType<typeof claimMapper>): [string[], string[]][] {
  const out: [string[], string[]][] = [];
  for (let x = 0; x < item.claims.length; x++)
    for (let y = x + 1; y < item.claims.length; y++) {
      const a = item.claims[x]!;
      const b = item.claims[y]!;
      if (a.file !== b.file) out.push([map(a.file, a.claim_index, a.evidence), map(b.file, b.claim_index, b.evidence)]);
    }
  return out;
}
const linkedBy = (rel: Set<string>, [xs, ys]: [string[], string[]]) =>
  xs.some((x) => ys.some((y) => rel.has(pairKey(x, y))));
/** Claim pairs a CONTRADICTS relation joins in the given slot (any slot when the gold names none, or with EVAL_ANY_SLOT=1). */
const contraIn = (rels: ClaimRelationResult[], slot: string | undefined) =>
  new Set(
    rels
      .filter((r) => !slot || process.env.EVAL_ANY_SLOT === '1' || r.slot === slot)
      .map((r) => pairKey(r.fromId, r.toId)),
  );

/**
 * The seeds' way: compare() over all files of the folder; an item is found when a CONTRADICTS relation links
 * claims mapped from two of its claims in different files; a corroboration is wrongly flagged likewise, except
 * for claim pairs that a listed contradiction also contains.
 */
function folderRelations(s: ScoredFolder, relations: GoldRelation[], detail: string[]) {
  const cmp = compare(
    comparablesOf(
      s,
      s.folder.golds.map((g) => g.file),
    ),
  );
  const contraRels = cmp.relations.filter((r) => r.kind === 'CONTRADICTS');
  const contra = new Set(contraRels.map((r) => pairKey(r.fromId, r.toId)));
  const map = claimMapper(s);
  const contradictionPairs = new Set<string>();
  for (const item of relations.filter((r) => r.kind === 'contradiction'))
    for (const a of item.claims)
      for (const b of item.claims) contradictionPairs.add(`${a.file}:${a.claim_index}|${b.file}:${b.claim_index}`);
  let found = 0;
  let flagged = 0;
  if (process.env.EVAL_DEBUG)
    for (const r of cmp.relations.filter((x) => x.kind === 'CONTRADICTS'))
      detail.push(`  ours: ${r.fromId} x ${r.toId}: ${r.reason}`);
  for (const item of relations) {
    let hit = false;
    for (let x = 0; x < item.claims.length; x++)
      for (let y = x + 1; y < item.claims.length; y++) {
        const a = item.claims[x]!;
        const b = item.claims[y]!;
        if (a.file === b.file) continue;
        if (
          item.kind === 'corroboration' &&
          contradictionPairs.has(`${a.file}:${a.claim_index}|${b.file}:${b.claim_index}`)
        )
          continue;
        const pair: [string[], string[]] = [
          map(a.file, a.claim_index, a.evidence),
          map(b.file, b.claim_index, b.evidence),
        ];
        if (item.kind === 'contradiction' ? linkedBy(contraIn(contraRels, item.slot), pair) : linkedBy(contra, pair))
          hit = true;
      }
    if (item.kind === 'contradiction') {
      if (hit) found++;
      detail.push(`${item.id} contradiction ${hit ? 'FOUND' : 'missed'}`);
    } else if (item.kind === 'corroboration' && hit) {
      flagged++;
      detail.push(`${item.id} corroboration WRONGLY flagged`);
    }
  }
  return {
    contradictionsFound: found,
    contradictionsListed: relations.filter((r) => r.kind === 'contradiction').length,
    corroborationsFlagged: flagged,
    corroborationsListed: relations.filter((r) => r.kind === 'corroboration').length,
  };
}

/** compare() over each story's articles together, scored against the story's (exhaustive) items. */
export function storyScores(s: ScoredFolder, relations: GoldRelation[], detail: string[]): StoryScore[] {
  const byStory = new Map<string, GoldRelation[]>();
  for (const r of relations) if (r.story) byStory.set(r.story, [...(byStory.get(r.story) ?? []), r]);
  const map = claimMapper(s);
  const out: StoryScore[] = [];
  for (const [story, items] of [...byStory].sort(([a], [b]) => a.localeCompare(b))) {
    const articles = [...new Set(items.flatMap((i) => i.articles ?? i.claims.map((c) => c.file)))]
      .filter((f) => s.results.has(f))
      .sort();
    const cmp = compare(comparablesOf(s, articles));
    const across = (r: { fromId: string; toId: string }) => fileOf(r.fromId) !== fileOf(r.toId);
    const contraRels = cmp.relations.filter((r) => r.kind === 'CONTRADICTS' && across(r));
    const contra = new Set(contraRels.map((r) => pairKey(r.fromId, r.toId)));
    const corro = new Set(
      cmp.relations.filter((r) => r.kind === 'CORROBORATES' && across(r)).map((r) => pairKey(r.fromId, r.toId)),
    );
    const contradictions = items.filter((i) => i.kind === 'contradiction');
    const corroborations = items.filter((i) => i.kind === 'corroboration');
    // Our claim pairs that some listed contradiction covers.
    const listedPairs = new Set<string>();
    // A relation is true only on a listed pair and in that item's slot.
    const listedInSlot = new Set<string>();
    for (const item of contradictions)
      for (const [xs, ys] of itemPairs(item, map))
        for (const x of xs)
          for (const y of ys) {
            listedPairs.add(pairKey(x, y));
            listedInSlot.add(`${pairKey(x, y)}|${process.env.EVAL_ANY_SLOT === '1' ? '' : (item.slot ?? '')}`);
          }
    const trueRel = (r: ClaimRelationResult) =>
      listedInSlot.has(`${pairKey(r.fromId, r.toId)}|`) || listedInSlot.has(`${pairKey(r.fromId, r.toId)}|${r.slot}`);
    const falseContradictions = contraRels
      .filter((r) => !trueRel(r))
      .map((r) => `${r.fromId} x ${r.toId}: ${r.reason}`);
    const foundContradictions = contradictions.filter((item) =>
      itemPairs(item, map).some((p) => linkedBy(contraIn(contraRels, item.slot), p)),
    );
    const foundCorroborations = corroborations.filter((item) => itemPairs(item, map).some((p) => linkedBy(corro, p)));
    const missed = [...contradictions, ...corroborations]
      .filter((i) => !foundContradictions.includes(i) && !foundCorroborations.includes(i))
      .map((i) => `${i.id} (${i.kind})`);
    // A pair a listed contradiction also holds may carry that contradiction: not counted against the corroboration.
    const calledContradictions = corroborations.filter((item) =>
      itemPairs(item, map).some(([xs, ys]) =>
        xs.some((x) => ys.some((y) => contra.has(pairKey(x, y)) && !listedPairs.has(pairKey(x, y)))),
      ),
    );
    const score: StoryScore = {
      story,
      unrelated: items.some((i) => i.kind === 'unrelated'),
      articles: articles.length,
      ourContradictions: contraRels.length,
      trueContradictions: contraRels.length - falseContradictions.length,
      contradictionsListed: contradictions.length,
      contradictionsFound: foundContradictions.length,
      corroborationsListed: corroborations.length,
      corroborationsFound: foundCorroborations.length,
      corroborationsCalledContradictions: calledContradictions.length,
      falseContradictions,
      missed,
    };
    out.push(score);
    for (const i of calledContradictions) detail.push(`${story} ${i.id} corroboration called a contradiction`);
  }
  return out;
}

export function relationTotals(stories: StoryScore[]): RelationScore | null {
  if (!stories.length) return null;
  const sum = (k: keyof StoryScore) => stories.reduce((a, s) => a + (s[k] as number), 0);
  const our = sum('ourContradictions');
  return {
    stories,
    contradictionPrecision: ratio(sum('trueContradictions'), our),
    contradictionRecall: ratio(sum('contradictionsFound'), sum('contradictionsListed')),
    corroborationRecall: ratio(sum('corroborationsFound'), sum('corroborationsListed')),
    ourContradictions: our,
    trueContradictions: sum('trueContradictions'),
    contradictionsListed: sum('contradictionsListed'),
    contradictionsFound: sum('contradictionsFound'),
    corroborationsListed: sum('corroborationsListed'),
    corroborationsFound: sum('corroborationsFound'),
    unrelatedContradictions: stories.filter((s) => s.unrelated).reduce((a, s) => a + s.ourContradictions, 0),
    corroborationsCalledContradictions: sum('corroborationsCalledContradictions'),
  };
}

/** Headline figures, diagnostics and relation scores over several scored folders taken together. */
export function buildReport(scored: ScoredFolder[]): Report {
  const files = scored.flatMap((s) => s.files);
  const sum = (k: 'actor' | 'claim') =>
    files.reduce((a, f) => ({ tp: a.tp + f[k].tp, fp: a.fp + f[k].fp, fn: a.fn + f[k].fn }), { tp: 0, fp: 0, fn: 0 });
  const rate = (k: 'chain' | 'modality' | 'date' | 'dateType') => {
    const t = files.reduce((a, f) => ({ ok: a.ok + f[k].ok, n: a.n + f[k].n }), { ok: 0, n: 0 });
    return t.n ? t.ok / t.n : 0;
  };
  const detail: string[] = [];
  const legacy = { contradictionsFound: 0, contradictionsListed: 0, corroborationsFlagged: 0, corroborationsListed: 0 };
  const stories: StoryScore[] = [];
  for (const s of scored) {
    const plain = s.folder.relations.filter((r) => !r.story);
    if (plain.length) {
      const r = folderRelations(s, plain, detail);
      for (const k of Object.keys(legacy) as (keyof typeof legacy)[]) legacy[k] += r[k];
    }
    stories.push(
      ...storyScores(
        s,
        s.folder.relations.filter((r) => r.story),
        detail,
      ),
    );
  }
  const a = f1(sum('actor'));
  const c = f1(sum('claim'));
  const overall: Overall = {
    actorP: a.p,
    actorR: a.r,
    actorF1: a.f,
    claimP: c.p,
    claimR: c.r,
    claimF1: c.f,
    chainExact: rate('chain'),
    modalityAcc: rate('modality'),
    dateAcc: rate('date'),
    dateAccResolved: dateResolved(scored),
    dateTypeAcc: rate('dateType'),
    ...legacy,
  };
  for (const k of Object.keys(overall) as (keyof Overall)[]) overall[k] = round3(overall[k]);
  return { files, overall, diagnostics: diagnose(files), relations: relationTotals(stories), relationsDetail: detail };
}

export function diagnose(files: FileScore[]): Diagnostics {
  const modalityConfusion: Record<string, Record<string, number>> = {};
  for (const [g, o] of files.flatMap((f) => f.modalityPairs)) {
    const row = (modalityConfusion[g] ??= {});
    row[o] = (row[o] ?? 0) + 1;
  }
  const modalitySieves: Record<string, { ok: number; n: number }> = {};
  for (const [g, o, sieve] of files.flatMap((f) => f.modalityPairs)) {
    const x = (modalitySieves[sieve] ??= { ok: 0, n: 0 });
    x.n++;
    if (g === o) x.ok++;
  }
  const chainErrors = files.flatMap((f) => f.chainErrors);
  const chainErrorsByKind = Object.fromEntries(
    CHAIN_ERROR_KINDS.map((k) => [k, chainErrors.filter((e) => e.kind === k).length]),
  ) as Record<ChainErrorKind, number>;
  return {
    modalityConfusion,
    modalitySieves,
    chainErrorsByKind,
    chainErrors,
    actorFalsePositives: files.flatMap((f) => f.actorFalsePositives),
    actorFalseNegatives: files.flatMap((f) => f.actorFalseNegatives),
  };
}

/** One folder, as before the split: golds, their texts, the folder's relation items. */
export function evaluate(golds: GoldFile[], readText: (file: string) => string, relations: GoldRelation[]): Report {
  return buildReport([scoreFolder({ name: 'gold', golds, readText, relations })]);
}

function dateResolved(scored: ScoredFolder[]): number {
  // Share of gold events with a stated day whose day we got right.
  let n = 0;
  let ok = 0;
  for (const s of scored)
    s.files.forEach((f, i) => {
      const g = s.folder.golds[i] as GoldFile;
      const wrong = new Set(f.misses.filter((m) => m.startsWith('date:')).map((m) => /"(.*)"$/.exec(m)?.[1]));
      for (const ev of g.events)
        if (expectedDate(ev) && ev.date_text) {
          n++;
          if (!wrong.has(ev.date_text)) ok++;
        }
    });
  return n ? ok / n : 1;
}

// ---------------------------------------------------------------------------------------------------
// The split: tuning half, checking half, their union, and the seeds alone

export interface SplitReport {
  tuning: Report;
  checking: Report;
  union: Report;
  seeds: Report;
}
export const SPLIT_PARTS = ['tuning', 'checking', 'union', 'seeds'] as const;

export function evaluateSplit(splitPath: string, warn?: (m: string) => void): SplitReport {
  const halves = loadSplit(splitPath, warn);
  const tuning = halves.tuning.map(scoreFolder);
  const checking = halves.checking.map(scoreFolder);
  const seeds = tuning.filter((s) => s.folder.name === 'seeds-gold');
  return {
    tuning: buildReport(tuning),
    checking: buildReport(checking),
    union: buildReport([...tuning, ...checking]),
    seeds: buildReport(seeds),
  };
}

// ---------------------------------------------------------------------------------------------------
// Baselines: the figures the regression test holds

export const RELATION_RATES = ['contradictionPrecision', 'contradictionRecall', 'corroborationRecall'] as const;
export const RELATION_ZEROES = ['unrelatedContradictions', 'corroborationsCalledContradictions'] as const;
export type Figures = Partial<
  Record<(typeof HEADLINE)[number] | (typeof RELATION_RATES)[number] | (typeof RELATION_ZEROES)[number], number | null>
>;

export function figuresOf(r: Report): Figures {
  const out: Figures = {};
  for (const k of HEADLINE) out[k] = r.overall[k];
  if (r.relations) for (const k of [...RELATION_RATES, ...RELATION_ZEROES]) out[k] = r.relations[k];
  return out;
}

/** Each figure that fell more than `tolerance` below its baseline (counts that must stay 0: that rose above it). */
export function regressions(current: Figures, baseline: Figures, tolerance = 0.02): string[] {
  const out: string[] = [];
  for (const [k, base] of Object.entries(baseline) as [keyof Figures, number | null][]) {
    if (typeof base !== 'number') continue;
    const now = current[k];
    if ((RELATION_ZEROES as readonly string[]).includes(k)) {
      if (typeof now === 'number' && now > base) out.push(`${k} ${now} > baseline ${base}`);
    } else if (typeof now !== 'number' || now < base - tolerance)
      out.push(`${k} ${now} < baseline ${base} - ${tolerance}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Printing

const pct = (x: number | null) => (x === null ? '  n/a' : x.toFixed(3));

/** perFile: the per-file rows (default on); listErrors: name the actor false positives/negatives even when not verbose (default on). */
export function formatReport(
  r: Report,
  verbose = true,
  opts: { perFile?: boolean; listErrors?: boolean } = {},
): string {
  const lines: string[] = [];
  lines.push('file                          actorP actorR actorF1 claimP claimR claimF1 chain  modal  dates  dtype');
  const rt = (x: { ok: number; n: number }) => (x.n ? pct(x.ok / x.n) : '  -  ');
  if (opts.perFile !== false)
    for (const f of r.files) {
      const a = f1(f.actor);
      const c = f1(f.claim);
      lines.push(
        `${f.file.slice(0, 29).padEnd(30)}${pct(a.p)}  ${pct(a.r)}  ${pct(a.f)}  ${pct(c.p)}  ${pct(c.r)}  ${pct(c.f)}  ${rt(f.chain)}  ${rt(f.modality)}  ${rt(f.date)}  ${rt(f.dateType)}`,
      );
    }
  const o = r.overall;
  lines.push(
    `${`OVERALL (${r.files.length} files)`.padEnd(30)}${pct(o.actorP)}  ${pct(o.actorR)}  ${pct(o.actorF1)}  ${pct(o.claimP)}  ${pct(o.claimR)}  ${pct(o.claimF1)}  ${pct(o.chainExact)}  ${pct(o.modalityAcc)}  ${pct(o.dateAcc)}  ${pct(o.dateTypeAcc)}`,
  );
  lines.push(`dates with a stated day right: ${pct(o.dateAccResolved)}`);
  if (o.contradictionsListed || o.corroborationsListed)
    lines.push(
      `contradictions found: ${o.contradictionsFound}/${o.contradictionsListed}; corroborations wrongly flagged as contradictions: ${o.corroborationsFlagged}/${o.corroborationsListed}`,
    );
  if (r.relations) lines.push(...formatRelations(r.relations, verbose || opts.listErrors !== false));
  lines.push(...r.relationsDetail.map((d) => '  ' + d));
  lines.push(...formatDiagnostics(r.diagnostics, verbose || opts.listErrors !== false));
  if (verbose) for (const f of r.files) for (const m of f.misses) lines.push(`  [${f.file.slice(0, 8)}] ${m}`);
  return lines.join('\n');
}

/** listErrors: also name each story's missed items and (EVAL_DEBUG or not) our false contradictions. */
export function formatRelations(rel: RelationScore, listErrors = false): string[] {
  const lines = [
    'cross-outlet (compare() over each story):',
    '  story                         arts  ours  true  contra found/listed  corro found/listed  corro->contra',
  ];
  for (const s of rel.stories)
    lines.push(
      `  ${(s.story + (s.unrelated ? ' (unrelated)' : '')).slice(0, 30).padEnd(30)}${String(s.articles).padStart(4)}  ${String(s.ourContradictions).padStart(4)}  ${String(s.trueContradictions).padStart(4)}  ${`${s.contradictionsFound}/${s.contradictionsListed}`.padStart(19)}  ${`${s.corroborationsFound}/${s.corroborationsListed}`.padStart(18)}  ${String(s.corroborationsCalledContradictions).padStart(13)}`,
    );
  if (listErrors)
    for (const s of rel.stories) {
      if (s.missed.length) lines.push(`    ${s.story} missed: ${s.missed.join(', ')}`);
      for (const f of s.falseContradictions) lines.push(`    ${s.story} false contradiction: ${f}`);
    }
  lines.push(
    `  contradiction precision ${pct(rel.contradictionPrecision)} (${rel.trueContradictions}/${rel.ourContradictions}), recall ${pct(rel.contradictionRecall)} (${rel.contradictionsFound}/${rel.contradictionsListed}); corroboration recall ${pct(rel.corroborationRecall)} (${rel.corroborationsFound}/${rel.corroborationsListed}); contradictions inside unrelated stories ${rel.unrelatedContradictions}; corroborations called contradictions ${rel.corroborationsCalledContradictions}`,
  );
  return lines;
}

export function formatDiagnostics(d: Diagnostics, listErrors: boolean): string[] {
  const lines: string[] = [];
  const ours = [...new Set(Object.values(d.modalityConfusion).flatMap((row) => Object.keys(row)))].sort();
  const golds = Object.keys(d.modalityConfusion).sort();
  if (golds.length) {
    const w = 10;
    lines.push('modality confusion (rows gold, columns ours):');
    lines.push('  ' + ''.padEnd(18) + ours.map((m) => m.slice(0, w - 1).padStart(w)).join(''));
    for (const g of golds)
      lines.push('  ' + g.padEnd(18) + ours.map((m) => String(d.modalityConfusion[g]?.[m] ?? 0).padStart(w)).join(''));
  }
  // Per-sieve precision names how each rule does: with the individual errors only (the checking half hides both).
  const sieves = Object.entries(d.modalitySieves ?? {}).sort((x, y) => y[1].n - x[1].n);
  if (listErrors && sieves.length)
    lines.push(`modality sieves (right/decided): ${sieves.map(([k, v]) => `${k} ${v.ok}/${v.n}`).join(', ')}`);
  lines.push(`chain errors by kind: ${CHAIN_ERROR_KINDS.map((k) => `${k} ${d.chainErrorsByKind[k]}`).join(', ')}`);
  const names = (xs: ActorError[]) => xs.map((x) => `${x.name} (${x.kind})`).join('; ');
  lines.push(
    `actor false positives (${d.actorFalsePositives.length})${listErrors && d.actorFalsePositives.length ? ': ' + names(d.actorFalsePositives) : ''}`,
  );
  lines.push(
    `actor false negatives (${d.actorFalseNegatives.length})${listErrors && d.actorFalseNegatives.length ? ': ' + names(d.actorFalseNegatives) : ''}`,
  );
  return lines;
}

export function formatSummary(r: SplitReport): string {
  const lines = [
    'part        files actorF1 claimF1 chain  modal  dates  dtype  | contraP contraR corroR unrel corro->contra',
  ];
  for (const part of SPLIT_PARTS) {
    const x = r[part];
    const o = x.overall;
    const rel = x.relations;
    const relCols = rel
      ? `${pct(rel.contradictionPrecision).padStart(7)} ${pct(rel.contradictionRecall).padStart(7)} ${pct(rel.corroborationRecall).padStart(6)} ${String(rel.unrelatedContradictions).padStart(5)} ${String(rel.corroborationsCalledContradictions).padStart(13)}`
      : '      -       -      -     -             -';
    lines.push(
      `${part.padEnd(12)}${String(x.files.length).padStart(5)}  ${pct(o.actorF1)}   ${pct(o.claimF1)}   ${pct(o.chainExact)}  ${pct(o.modalityAcc)}  ${pct(o.dateAcc)}  ${pct(o.dateTypeAcc)}  | ${relCols}`,
    );
  }
  const s = r.seeds.overall;
  lines.push(
    `seeds contradictions found: ${s.contradictionsFound}/${s.contradictionsListed}; corroborations wrongly flagged: ${s.corroborationsFlagged}/${s.corroborationsListed}`,
  );
  return lines.join('\n');
}
