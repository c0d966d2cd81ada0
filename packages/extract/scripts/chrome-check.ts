// Page chrome on a real corpus: lines of each chrome shape in the raw text vs still in the cleaned
// body, and the share of junk-shaped actors in a sample of articles.
// Usage: npx tsx scripts/chrome-check.ts <articles.jsonl.gz> [--sample 200] [--show 40] [--list 0]
// Claims of the sampled articles are counted by the chrome shapes of bench/corpus-ingest/run.ts (what an
// ingest's chrome count finds in the database), with their texts under --show.
// --list N prints every k-th sampled actor (N in all) for a by-hand junk count.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { clean } from '../src/clean.js';
import { extract } from '../src/index.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!file) {
  console.error('usage: chrome-check.ts <articles.jsonl.gz> [--sample N] [--show N]');
  process.exit(2);
}
const num = (flag: string, d: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : d);
const sampleN = num('--sample', 200);
const showN = num('--show', 40);
const listN = num('--list', 0);
const listed: string[] = [];

// Shapes counted (the same shapes clean.ts recognises, written independently so the count checks it).
const SHAPES: Record<string, RegExp> = {
  'video teaser': /JUST WATCHED|Replay More Videos|MUST WATCH/,
  'photo credit': /\(Photo (?:by|:)[^)]*\)|\bREUTERS\/\S|\(AP Photo\/|\/Getty Images|\| Getty Images|\/AFP\b/,
  'gallery control': /Previous Next|Enlarge this image|toggle caption|hide caption/i,
  'hover card': /\p{Ll}\p{Lu}\p{Ll}+ .{10,400}? MORE\b|\p{Ll}MORE\b/u,
  advertisement: /^\s*(?:advertisement|story continues below advertisement)\s*$/i,
  'newsletter/social':
    /\bsign up for\b.{0,60}\bnewsletters?\b|\bmanage newsletters\b|\bby signing up\b|^follow (?:us|\S+) on (?:twitter|facebook|instagram)/i,
  'read more': /^\s*(?:READ MORE|SEE RELATED|RELATED|ALSO READ|MORE|MORE FROM [A-Z ]+)\s*:|\(RELATED:/,
  copyright: /^\s*(?:copyright|©)|all rights reserved|may not be published, broadcast/i,
};

// The shapes of bench/corpus-ingest/run.ts's CHROME, as JavaScript patterns.
const CLAIM_SHAPES: Record<string, RegExp> = {
  'video teaser': /JUST WATCHED|Replay\s+More\s+Videos/,
  'photo credit': /\/\s*Getty\s+Images|^Photo:|\/\s*AP\s+Photo/,
  'gallery control': /Previous\s+Next|toggle\s+caption|enlarge\s+this\s+image|Image\s+(?:copyright|caption)/i,
  'click here': /click\s+(?:here|below)/i,
  'hover card': /[a-z.,;:!?"”’)]\s*MORE(?:\s|$|[^A-Za-z])/,
  'video player': /Media\s+(?:playback\s+is\s+unsupported|caption)/,
  'related link': /Read\s+more\.?$|^Read:|^\(RELATED:/,
  promo:
    /^(?:sign\s+up(?:\s+here|\s+to|\s+for)|subscribe\s+to|get\s.{0,40}newsletter|view\s+all\s.{0,40}newsletters)|if\s+you\s+enjoyed\s+this\s+article/i,
  'social byline': /^follow\s+(?:him|her|them|us|me)\s+on\s+(?:twitter|facebook|instagram)/i,
};
const claimChrome: Record<string, number> = Object.fromEntries(Object.keys(CLAIM_SHAPES).map((k) => [k, 0]));
let claimsN = 0;
let chromeClaims = 0;
const chromeShown: string[] = [];

const DAYS =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/;
function junkReason(name: string, kind: string): string | null {
  if (DAYS.test(name) && name.includes(' ')) return 'date tail';
  if (/^[A-Z'’ ]{2,}$/.test(name) && name.split(' ').length >= 2 && /[A-Z]{4,}/.test(name)) return 'all-caps fragment';
  if (/\b(?:MORE|Replay|Videos?|Getty|Photo|Images|Advertisement|Newsletters?)\b/.test(name)) return 'chrome word';
  if (/\p{Ll}\p{Lu}\p{Ll}/u.test(name) && !/\b(?:Mc|Mac|De|La|Di|O')/.test(name) && name.length > 8)
    return 'glued words';
  if (/\b(?:The|Of|To|And|For|In|On|At|A|of|for|and)$/.test(name)) return 'noun-phrase fragment';
  if (kind === 'PERSON' && /^\p{Lu}{3,6}$/u.test(name)) return 'acronym as person';
  if (
    kind === 'PERSON' &&
    / of |\b(?:Council|Committee|Church|Court|Agency|Office|Department|Bureau|Commission|Chamber)$/.test(name)
  )
    return 'organisation as person';
  if (/^\p{Lu}\p{Ll}{2,}(?:ate|al|ful|ous|ed|ive|ent|ant|ab|ib|ar)ly\s/u.test(name)) return 'clause opener';
  if (
    /^(?:Journal|Times|Post|News|Team|Mr|Mrs|Ms)\b\.?$/.test(name) ||
    /^Team \p{Lu}/u.test(name) ||
    /^(?:Mr|Mrs|Ms|President|Sen|Rep)\.? \p{Lu}/u.test(name)
  )
    return 'bare word or unmerged title';
  return null;
}

const rows = gunzipSync(readFileSync(file))
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { title?: string; text: string; source?: string });
const before: Record<string, number> = Object.fromEntries(Object.keys(SHAPES).map((k) => [k, 0]));
const after: Record<string, number> = { ...before };
let errors = 0;
let actorsN = 0;
let junkN = 0;
const junkBy: Record<string, number> = {};
const shown: string[] = [];
const t0 = performance.now();
rows.forEach((r, i) => {
  const text = (r.title ? r.title + '\n\n' : '') + r.text;
  for (const line of text.split('\n'))
    for (const [k, re] of Object.entries(SHAPES)) if (re.test(line)) before[k] = (before[k] ?? 0) + 1;
  // What survives cleaning: the body less its inline chrome spans (hover cards), which stay in the text for offsets.
  const c = clean(text);
  let body = c.body;
  for (const sp of [...c.inlineChrome].reverse()) body = body.slice(0, sp.start) + body.slice(sp.end);
  for (const line of body.split('\n'))
    for (const [k, re] of Object.entries(SHAPES)) if (re.test(line)) after[k] = (after[k] ?? 0) + 1;
  // A spread of articles over sources and topics for the actor sample.
  if (i % Math.max(1, Math.floor(rows.length / sampleN)) === 0) {
    let res;
    try {
      res = extract({ text, ...(r.source ? { outlet: r.source } : {}) });
    } catch {
      errors++;
      return;
    }
    for (const c of res.claims) {
      claimsN++;
      const hit = Object.entries(CLAIM_SHAPES).filter(([, re]) => re.test(c.text));
      for (const [k] of hit) claimChrome[k] = (claimChrome[k] ?? 0) + 1;
      if (hit.length) {
        chromeClaims++;
        if (chromeShown.length < showN) chromeShown.push(`  ${hit[0]![0]}: ${c.text.slice(0, 240)}`);
      }
    }
    for (const a of res.actors) {
      actorsN++;
      if (listN && actorsN % 9 === 0 && listed.length < listN) listed.push(`${a.kind} ${a.canonicalName}`);
      const why = junkReason(a.canonicalName, a.kind);
      if (why) {
        junkN++;
        junkBy[why] = (junkBy[why] ?? 0) + 1;
        if (shown.length < showN) shown.push(`  ${why}: ${a.canonicalName} (${a.kind})`);
      }
    }
  }
});
console.log(
  `${rows.length} articles (${actorsN ? 'actors from a sample' : ''}), ${errors} extraction errors in the sample, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
console.log('chrome lines by shape: raw text -> cleaned body');
for (const k of Object.keys(SHAPES)) console.log(`  ${k.padEnd(20)} ${String(before[k]).padStart(6)} -> ${after[k]}`);
console.log(
  `sampled actors: ${actorsN}, junk-shaped ${junkN} (${((100 * junkN) / Math.max(1, actorsN)).toFixed(1)} %): ${JSON.stringify(junkBy)}`,
);
console.log(shown.join('\n'));
console.log(`sampled claims: ${claimsN}, of a chrome shape ${chromeClaims}: ${JSON.stringify(claimChrome)}`);
console.log(chromeShown.join('\n'));
if (listN) console.log(`listed actors:\n${listed.join(' | ')}`);
