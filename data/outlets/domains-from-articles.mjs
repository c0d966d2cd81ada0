// Adds to registry.json the web domains of AllSides-rated outlets that the Article-Bias-Prediction articles show,
// with provenance on each. Run by hand when the sample changes (the product never reads the dataset):
//   node data/outlets/domains-from-articles.mjs ../shared/corpus/allsides-baly2020/articles-4000.jsonl.gz
// An outlet gets a domain only when the data settle it: at least two of its articles, 90 % of them on one
// registrable domain, which is not AllSides' own nor a registry outlet's, and on which the outlet publishes at
// least 80 % of the sample's articles (columnists and guest writers publish on their hosts' sites: they get none).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const { getDomain } = createRequire(new URL('../../packages/ingest/package.json', import.meta.url))('tldts');
const here = (f) => new URL(f, import.meta.url);
const registry = JSON.parse(fs.readFileSync(here('registry.json'), 'utf8'));
const csvName = (line) => (line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : line.split(',')[0]);
const rated = new Set(fs.readFileSync(here('labels-allsides.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map(csvName));
const generated = (o) => o.provenance?.startsWith('Domain from the article URLs');
const kept = registry.outlets.filter((o) => !generated(o));
const known = new Set(kept.flatMap((o) => [o.name, ...(o.aliases ?? [])]).map((s) => s.toLowerCase()));
const taken = new Set(kept.flatMap((o) => o.domains.map((d) => getDomain(d))));

const articles = zlib.gunzipSync(fs.readFileSync(process.argv[2])).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const domainOf = (url) => {
  try {
    return getDomain(new URL(url).hostname);
  } catch {
    return null;
  }
};
const bySource = new Map();
const onDomain = new Map();
for (const a of articles) {
  const d = domainOf(a.url);
  if (!d) continue;
  const m = bySource.get(a.source) ?? new Map();
  bySource.set(a.source, m.set(d, (m.get(d) ?? 0) + 1));
  onDomain.set(d, (onDomain.get(d) ?? 0) + 1);
}
const added = [];
for (const [name, m] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) {
  if (!rated.has(name) || known.has(name.toLowerCase())) continue;
  const n = [...m.values()].reduce((a, b) => a + b, 0);
  const [domain, k] = [...m].sort((a, b) => b[1] - a[1])[0];
  if (n < 2 || k / n < 0.9 || domain === 'allsides.com' || taken.has(domain) || k / onDomain.get(domain) < 0.8) continue;
  added.push({
    name,
    domains: [domain],
    country: null,
    ownership: 'unknown',
    labels: [],
    provenance:
      `Domain from the article URLs of the Article-Bias-Prediction dataset (Baly et al., EMNLP 2020, Apache-2.0), 4,000-article sample: ` +
      `${k} of its ${n} articles are on ${domain}, and it published ${k} of the ${onDomain.get(domain)} sample articles there. Ownership and country not recorded.`,
  });
}
registry.outlets = [...kept, ...added];
fs.writeFileSync(here('registry.json'), `${JSON.stringify(registry, null, 1)}\n`);
console.log(`${added.length} outlets with a domain from the articles; ${rated.size} rated outlets in all.`);
