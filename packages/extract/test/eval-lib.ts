// Scoring logic shared by scripts/eval.ts and the regression test. Gives the extractor only the text,
// the outlet's name, and url / published_external when the gold file has them.
import type { ExtractionResult, ExtractedClaim } from '@claimgraph/shared';
import { compare, extract, toComparable } from '../src/index.js';
import { translitKey } from '../src/actors/tokens.js';

export interface GoldFile {
  file: string;
  outlet: { name: string };
  url?: string;
  published_external?: string;
  actors: { canonical: string; type: string; aliases: string[]; boilerplate_only?: boolean }[];
  events: { id: string; type?: string; date: string | null; date_text: string | null }[];
  claims: { text: string; evidence: string; asserted_by: string[]; modality: string; event_id: string | null }[];
}
export interface GoldRelation {
  id: string;
  kind: 'contradiction' | 'corroboration';
  claims: { file: string; claim_index: number; evidence: string }[];
}

interface Counts { tp: number; fp: number; fn: number }
export interface FileScore {
  file: string;
  actor: Counts;
  claim: Counts;
  chain: { ok: number; n: number };
  modality: { ok: number; n: number };
  date: { ok: number; n: number };
  /** Where we date an event with the gold's date words, it is of the gold event's type (a report date must not date the happening). */
  dateType: { ok: number; n: number };
  misses: string[];
}
export interface Overall {
  actorP: number; actorR: number; actorF1: number;
  claimP: number; claimR: number; claimF1: number;
  chainExact: number; modalityAcc: number; dateAcc: number; dateAccResolved: number; dateTypeAcc: number;
  contradictionsFound: number; contradictionsListed: number;
  corroborationsFlagged: number; corroborationsListed: number;
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

function locate(body: string, evidence: string): [number, number] | null {
  let i = body.indexOf(evidence);
  if (i < 0) i = body.indexOf(evidence.trim());
  return i < 0 ? null : [i, i + evidence.trim().length];
}

export function run(gold: GoldFile, text: string): ExtractionResult {
  return extract({ text, outlet: gold.outlet.name, ...(gold.url ? { url: gold.url } : {}), ...(gold.published_external ? { publishedAt: gold.published_external } : {}) });
}

export function scoreFile(gold: GoldFile, res: ExtractionResult): FileScore {
  const misses: string[] = [];
  // Actors: one-to-one, matched when any name of ours equals any gold name (after normalisation).
  const goldActors = gold.actors.filter((a) => !a.boilerplate_only);
  const ours = res.actors.map((a) => new Set([a.canonicalName, ...a.aliases.map((x) => x.alias)].map(norm)));
  const used = new Set<number>();
  let atp = 0;
  for (const g of goldActors) {
    const names = [g.canonical, ...g.aliases].map(norm);
    const idx = ours.findIndex((set, i) => !used.has(i) && names.some((n) => set.has(n)));
    if (idx >= 0) { used.add(idx); atp++; } else misses.push(`actor missed: ${g.canonical}`);
  }
  res.actors.forEach((a, i) => { if (!used.has(i)) misses.push(`actor extra: ${a.canonicalName} (${a.kind})`); });
  const actor = { tp: atp, fp: res.actors.length - used.size, fn: goldActors.length - atp };

  // Claims: matched by evidence-span overlap (≥ 50 % of the shorter span).
  const spans = res.claims.map((c) => [c.evidence.start, c.evidence.end] as [number, number]);
  const goldSpans = gold.claims.map((c) => locate(res.body, c.evidence));
  const claimMatched = new Set<number>();
  let gtp = 0;
  const chain = { ok: 0, n: 0 };
  const modality = { ok: 0, n: 0 };
  gold.claims.forEach((g, gi) => {
    const gs = goldSpans[gi];
    if (!gs) { misses.push(`claim not in body: ${g.evidence.slice(0, 60)}`); return; }
    let best = -1;
    let bestScore = 0;
    spans.forEach((s, i) => {
      const r = overlapRatio(s, gs);
      if (r >= 0.5) {
        claimMatched.add(i);
        const score = r - Math.abs((s[1] - s[0]) - (gs[1] - gs[0])) / 10000;
        if (score > bestScore) { bestScore = score; best = i; }
      }
    });
    if (best < 0) { misses.push(`claim missed: ${g.evidence.slice(0, 70)}`); return; }
    gtp++;
    const c = res.claims[best] as ExtractedClaim;
    chain.n++;
    if (chainEqual(c, g.asserted_by, res, gold)) chain.ok++;
    else misses.push(`chain: [${c.attribution.map((n) => n.label).join(' > ')}] vs gold [${g.asserted_by.join(' > ')}] — ${g.evidence.slice(0, 50)}`);
    modality.n++;
    if (c.modality.toLowerCase() === g.modality) modality.ok++;
    else misses.push(`modality: ${c.modality.toLowerCase()} vs gold ${g.modality} — ${g.evidence.slice(0, 50)}`);
  });
  spans.forEach((s, i) => {
    if (!claimMatched.has(i) && !goldSpans.some((gs) => gs && overlapRatio(s, gs) >= 0.5)) misses.push(`claim extra: ${res.body.slice(s[0], s[1]).slice(0, 70)}`);
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
      if (loc && k >= 0) { pos = loc[0] + k; break; }
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
    const predicted = e && e.date.value && (e.date.precision === 'DAY' || e.date.precision === 'EXACT') ? e.date.value.slice(0, 10) : null;
    if (predicted === ev.date) date.ok++;
    else misses.push(`date: ${predicted} vs gold ${ev.date} — "${ev.date_text}"`);
    if (!ev.type || !e) continue;
    dateType.n++;
    if (e.type.toLowerCase() === ev.type) dateType.ok++;
    else misses.push(`date type: ${e.type.toLowerCase()} vs gold ${ev.type} — "${ev.date_text}"`);
  }
  return { file: gold.file, actor, claim, chain, modality, date, dateType, misses };
}

// A hop matches when any name of ours equals any name the gold gives that actor (its canonical name or an
// alias written in the text), as actors are matched: "Obama" in the text is the gold's "Barack Obama".
function chainEqual(c: ExtractedClaim, gold: string[], res: ExtractionResult, file: GoldFile): boolean {
  if (c.attribution.length !== gold.length) return false;
  return c.attribution.every((n, i) => {
    const hop = norm(gold[i] as string);
    const goldActor = file.actors.find((x) => norm(x.canonical) === hop);
    const goldNames = new Set([hop, ...(goldActor ? goldActor.aliases.map(norm) : [])]);
    if (goldNames.has(norm(n.label))) return true;
    const a = n.actorKey ? res.actors.find((x) => x.key === n.actorKey) : undefined;
    return !!a && [a.canonicalName, ...a.aliases.map((x) => x.alias)].some((x) => goldNames.has(norm(x)));
  });
}

export interface Report { files: FileScore[]; overall: Overall; relationsDetail: string[] }

export function evaluate(golds: GoldFile[], readText: (file: string) => string, relations: GoldRelation[]): Report {
  const results = new Map<string, ExtractionResult>();
  const files = golds.map((g) => {
    const res = run(g, readText(g.file));
    results.set(g.file, res);
    return scoreFile(g, res);
  });
  const sum = (k: 'actor' | 'claim') => files.reduce((a, f) => ({ tp: a.tp + f[k].tp, fp: a.fp + f[k].fp, fn: a.fn + f[k].fn }), { tp: 0, fp: 0, fn: 0 });
  const rate = (k: 'chain' | 'modality' | 'date' | 'dateType') => {
    const t = files.reduce((a, f) => ({ ok: a.ok + f[k].ok, n: a.n + f[k].n }), { ok: 0, n: 0 });
    return t.n ? t.ok / t.n : 0;
  };
  // Contradictions: compare() over every file's claims; a listed item is found when a CONTRADICTS
  // relation links claims mapped from two of its claims in different files.
  const comparables = golds.flatMap((g) => toComparable(results.get(g.file) as ExtractionResult, g.file, g.outlet.name));
  const cmp = compare(comparables);
  const contra = new Set(cmp.relations.filter((r) => r.kind === 'CONTRADICTS').map((r) => `${r.fromId}|${r.toId}`));
  const goldByFile = new Map(golds.map((g) => [g.file, g]));
  const mapClaim = (file: string, idx: number, evidence: string): string[] => {
    const res = results.get(file);
    const gold = goldByFile.get(file);
    if (!res || !gold) return [];
    const ev = gold.claims[idx]?.evidence ?? evidence;
    const loc = locate(res.body, ev);
    if (!loc) return [];
    // Lenient on purpose: a gold claim may cover part of one of our sentences and part of the next.
    return res.claims.map((c, i) => ({ c, i })).filter(({ c }) => overlapRatio([c.evidence.start, c.evidence.end], loc) >= 0.3).map(({ i }) => `${file}#${i}`);
  };
  const linked = (xs: string[], ys: string[]) => xs.some((x) => ys.some((y) => contra.has(`${x}|${y}`) || contra.has(`${y}|${x}`)));
  const contradictionPairs = new Set<string>();
  for (const item of relations.filter((r) => r.kind === 'contradiction'))
    for (const a of item.claims) for (const b of item.claims) contradictionPairs.add(`${a.file}:${a.claim_index}|${b.file}:${b.claim_index}`);
  let found = 0;
  let flagged = 0;
  const detail: string[] = [];
  if (process.env.EVAL_DEBUG) for (const r of cmp.relations.filter((x) => x.kind === 'CONTRADICTS')) detail.push(`  ours: ${r.fromId} x ${r.toId}: ${r.reason}`);
  for (const item of relations) {
    let hit = false;
    for (let x = 0; x < item.claims.length; x++)
      for (let y = x + 1; y < item.claims.length; y++) {
        const a = item.claims[x]!;
        const b = item.claims[y]!;
        if (a.file === b.file) continue;
        if (item.kind === 'corroboration' && contradictionPairs.has(`${a.file}:${a.claim_index}|${b.file}:${b.claim_index}`)) continue;
        if (linked(mapClaim(a.file, a.claim_index, a.evidence), mapClaim(b.file, b.claim_index, b.evidence))) hit = true;
      }
    if (item.kind === 'contradiction') { if (hit) found++; detail.push(`${item.id} contradiction ${hit ? 'FOUND' : 'missed'}`); }
    else { if (hit) { flagged++; detail.push(`${item.id} corroboration WRONGLY flagged`); } }
  }
  const a = f1(sum('actor'));
  const c = f1(sum('claim'));
  const resolvedOk = files.length; void resolvedOk;
  const overall: Overall = {
    actorP: a.p, actorR: a.r, actorF1: a.f, claimP: c.p, claimR: c.r, claimF1: c.f,
    chainExact: rate('chain'), modalityAcc: rate('modality'), dateAcc: rate('date'), dateAccResolved: dateResolved(golds, files), dateTypeAcc: rate('dateType'),
    contradictionsFound: found, contradictionsListed: relations.filter((r) => r.kind === 'contradiction').length,
    corroborationsFlagged: flagged, corroborationsListed: relations.filter((r) => r.kind === 'corroboration').length,
  };
  for (const k of Object.keys(overall) as (keyof Overall)[]) overall[k] = Math.round(overall[k] * 1000) / 1000;
  return { files, overall, relationsDetail: detail };
}

function dateResolved(golds: GoldFile[], files: FileScore[]): number {
  // Share of gold events with a stated day whose day we got right.
  let n = 0;
  let ok = 0;
  files.forEach((f, i) => {
    const g = golds[i] as GoldFile;
    const wrong = new Set(f.misses.filter((m) => m.startsWith('date:')).map((m) => /"(.*)"$/.exec(m)?.[1]));
    for (const ev of g.events) if (ev.date && ev.date_text) { n++; if (!wrong.has(ev.date_text)) ok++; }
  });
  return n ? ok / n : 1;
}

export function formatReport(r: Report, verbose = true): string {
  const pct = (x: number) => x.toFixed(3);
  const lines: string[] = [];
  lines.push('file                          actorP actorR actorF1 claimP claimR claimF1 chain  modal  dates  dtype');
  for (const f of r.files) {
    const a = f1(f.actor);
    const c = f1(f.claim);
    const rt = (x: { ok: number; n: number }) => (x.n ? pct(x.ok / x.n) : '  -  ');
    lines.push(`${f.file.padEnd(30)}${pct(a.p)}  ${pct(a.r)}  ${pct(a.f)}  ${pct(c.p)}  ${pct(c.r)}  ${pct(c.f)}  ${rt(f.chain)}  ${rt(f.modality)}  ${rt(f.date)}  ${rt(f.dateType)}`);
  }
  const o = r.overall;
  lines.push(`${'OVERALL'.padEnd(30)}${pct(o.actorP)}  ${pct(o.actorR)}  ${pct(o.actorF1)}  ${pct(o.claimP)}  ${pct(o.claimR)}  ${pct(o.claimF1)}  ${pct(o.chainExact)}  ${pct(o.modalityAcc)}  ${pct(o.dateAcc)}  ${pct(o.dateTypeAcc)}`);
  lines.push(`dates with a stated day right: ${pct(o.dateAccResolved)}`);
  lines.push(`contradictions found: ${o.contradictionsFound}/${o.contradictionsListed}; corroborations wrongly flagged as contradictions: ${o.corroborationsFlagged}/${o.corroborationsListed}`);
  lines.push(...r.relationsDetail.map((d) => '  ' + d));
  if (verbose) for (const f of r.files) for (const m of f.misses) lines.push(`  [${f.file.slice(0, 8)}] ${m}`);
  return lines.join('\n');
}
