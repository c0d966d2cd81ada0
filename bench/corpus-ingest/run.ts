// Corpus ingest check (issue 14): a real corpus plus the allsides gold articles, ingested through the
// `claimgraph ingest` CLI into a fresh database, then read back from the database: relations per 1,000
// articles by kind, the share of relations joining articles more than 30 days apart, actors per article,
// one-word and headline-cased actors, page chrome left in claims and actors, and a fixed-seed sample of
// relations of each kind to judge by hand.
//
//   npx tsx bench/corpus-ingest/run.ts --corpus <articles.jsonl.gz> [--limit N] [--samples 30] [--seed 14]
//        [--jobs 1] [--max-minutes 0] [--pg postgresql://postgres@127.0.0.1:5432] [--out results/<name>.json]
//        [--no-build] [--drop]
//   npx tsx bench/corpus-ingest/run.ts --measure <database>   (only the figures of an earlier run's database)
//
// Without --corpus it prints how to run it and exits 0 (so `npm run bench` skips it).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const argOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const from = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

const corpusArg = argOf('--corpus');
// --measure <database>: only read the figures of an earlier run's database (e.g. after changing a pattern here).
const MEASURE = argOf('--measure');
if (!corpusArg && !MEASURE) {
  console.log(
    'bench/corpus-ingest: skipped; run it with --corpus <articles.jsonl.gz> (see bench/corpus-ingest/README.md).',
  );
  process.exit(0);
}
const corpusPath = corpusArg ? from(corpusArg) : '';
const LIMIT = Number(argOf('--limit') ?? 0);
const SAMPLES = Number(argOf('--samples') ?? 30);
const SEED = argOf('--seed') ?? '14';
const JOBS = Number(argOf('--jobs') ?? 1);
const MAX_MINUTES = Number(argOf('--max-minutes') ?? 0);
const PG = (argOf('--pg') ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const GOLD_DIR = path.join(root, 'packages/extract/eval/allsides-gold');
const DAY_MS = 86_400_000;

function fail(message: string): never {
  console.error(`bench/corpus-ingest: ${message}`);
  process.exit(1);
}
if (!MEASURE && !existsSync(corpusPath)) fail(`no corpus at ${corpusPath}`);
if (!Number.isInteger(LIMIT) || LIMIT < 0) fail('--limit must be a whole number of articles (0 = all)');
if (!Number.isInteger(SAMPLES) || SAMPLES < 0) fail('--samples must be a whole number');
if (!Number.isInteger(JOBS) || JOBS < 1) fail('--jobs must be a whole number, at least 1');
if (!(MAX_MINUTES >= 0)) fail('--max-minutes must be a number of minutes (0 = no limit)');

const git = (...a: string[]) => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout.trim();
const commit = git('rev-parse', 'HEAD');
// Uncommitted edits to the code that extracts and links: the figures then describe the working tree, not the commit.
const dirty = git(
  'status',
  '--porcelain',
  '--',
  'packages/extract/src',
  'packages/ingest/src',
  'packages/shared/src',
  'packages/db/src',
);

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '_').toLowerCase();
const dbName = MEASURE ?? `claimgraph_corpus_${stamp}_${process.pid}`;
const dbUrl = `${PG}/${dbName}`;
const resultsDir = path.join(root, 'bench/corpus-ingest/results');
mkdirSync(resultsDir, { recursive: true });
const outFile = argOf('--out')
  ? from(argOf('--out') as string)
  : path.join(resultsDir, `${stamp}-${MEASURE ? 'measure' : `${LIMIT || 'all'}`}.json`);
const logFile = outFile.replace(/\.json$/, '.log');

/** Builds the CLI, writes its input, creates and migrates the database and ingests: what the CLI reported. */
async function ingestCorpus() {
  // The CLI runs the built packages (dist/): build them from this checkout first.
  if (!args.includes('--no-build')) {
    console.log('building @claimgraph/ingest and its dependencies…');
    const b = spawnSync(
      'npx',
      ['turbo', 'run', 'build', '--filter=@claimgraph/ingest...', '--output-logs=errors-only'],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
      },
    );
    if (b.status !== 0) fail('the build failed (see above); fix it or pass --no-build to use the existing dist/');
  }

  // --- The input: corpus lines in the CLI's JSONL shape, the gold articles spread evenly among them. ---
  interface CliLine {
    text: string;
    source?: string;
    url?: string;
    publishedAt?: string;
    language: string;
  }
  const corpusLines = gunzipSync(readFileSync(corpusPath))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim());
  const picked = LIMIT ? corpusLines.slice(0, LIMIT) : corpusLines;
  const unreadable: string[] = [];
  const corpus: CliLine[] = [];
  for (const [i, line] of picked.entries()) {
    try {
      const o = JSON.parse(line) as { text?: string; source?: string; url?: string; date?: string | null };
      corpus.push({
        text: o.text ?? '',
        ...(o.source ? { source: o.source } : {}),
        ...(o.url ? { url: o.url } : {}),
        ...(o.date ? { publishedAt: o.date } : {}),
        language: 'en',
      });
    } catch (e) {
      unreadable.push(`line ${i + 1}: ${(e as Error).message}`);
    }
  }
  const gold: CliLine[] = readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.txt') && existsSync(path.join(GOLD_DIR, f.replace(/\.txt$/, '.json'))))
    .sort()
    .map((f) => {
      const g = JSON.parse(readFileSync(path.join(GOLD_DIR, f.replace(/\.txt$/, '.json')), 'utf8')) as {
        outlet: { name: string };
        url?: string;
        published_external?: string;
      };
      return {
        text: readFileSync(path.join(GOLD_DIR, f), 'utf8'),
        source: g.outlet.name,
        ...(g.url ? { url: g.url } : {}),
        ...(g.published_external ? { publishedAt: g.published_external } : {}),
        language: 'en',
      };
    });
  const input: CliLine[] = [];
  for (const [i, c] of corpus.entries()) {
    input.push(c);
    // Gold article k goes after corpus article round((k+1)·n/(g+1)): spread over the run, same place every time.
    for (const [k, g] of gold.entries())
      if (Math.round(((k + 1) * corpus.length) / (gold.length + 1)) === i + 1) input.push(g);
  }
  if (!corpus.length) input.push(...gold);

  // --jobs N: N CLI processes on interleaved shares of the input (extraction runs outside the workspace lock,
  // so they overlap). The relation ids then depend on timing; the sample key below does not.
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-corpus-'));
  const inputFiles = Array.from({ length: JOBS }, (_, k) => {
    const file = path.join(tmp, `articles-${k + 1}.jsonl`);
    writeFileSync(
      file,
      input
        .filter((_, i) => i % JOBS === k)
        .map((l) => JSON.stringify(l))
        .join('\n') + '\n',
    );
    return file;
  });
  console.log(
    `input: ${corpus.length} corpus articles + ${gold.length} allsides gold articles (${unreadable.length} unreadable corpus lines) → ${tmp}`,
  );

  // --- A fresh database, migrated by the project's own command. ---
  {
    const admin = new pg.Client({ connectionString: `${PG}/postgres` });
    await admin.connect().catch((e: Error) => fail(`cannot reach PostgreSQL at ${PG} (${e.message})`));
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
  }
  console.log(`database: ${dbUrl}`);
  const env = { ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' };
  const mig = spawnSync('npm', ['run', '--silent', 'db:migrate'], { cwd: root, env, encoding: 'utf8' });
  if (mig.status !== 0)
    fail(`npm run db:migrate failed: ${(mig.stderr || mig.stdout).trim().split('\n').slice(-1)[0]}`);
  console.log(mig.stdout.trim());

  // --- Ingest through the CLI; its per-article lines go to the log, its summary is parsed. ---
  console.log(
    `ingesting ${input.length} articles with \`npm run claimgraph -- ingest\` × ${JOBS} (progress: tail -f ${logFile})…`,
  );
  const t0 = performance.now();
  const log = createWriteStream(logFile);
  let stdout = '';
  let stderr = '';
  let stopped = false;
  const codes = await Promise.all(
    inputFiles.map(
      (file) =>
        new Promise<number | null>((resolve) => {
          // Its own process group, so that --max-minutes stops npm and the node process under it.
          const child = spawn('npm', ['run', '--silent', 'claimgraph', '--', 'ingest', file], {
            cwd: root,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
          });
          const timer = MAX_MINUTES
            ? setTimeout(() => ((stopped = true), process.kill(-child.pid!, 'SIGTERM')), MAX_MINUTES * 60_000)
            : null;
          child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), log.write(d)));
          child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), log.write(d)));
          child.on('close', (c) => (timer && clearTimeout(timer), resolve(c)));
        }),
    ),
  );
  log.end();
  const ingestSeconds = (performance.now() - t0) / 1000;
  const summaries = [...stdout.matchAll(/Summary: (\d+) ingested, (\d+) duplicates?, (\d+) failed/g)];
  const total = (k: number) => (summaries.length === JOBS ? summaries.reduce((n, m) => n + Number(m[k]), 0) : null);
  // Failures grouped by their reason (the article's own words dropped: code and message shape). A stopped run
  // prints no summary: its failures are counted from the progress lines, without reasons.
  const failures: Record<string, number> = {};
  for (const m of stdout.matchAll(/^ {2}failed {2}(.+?): ([A-Z_]+): (.*)$/gm)) {
    const key = `${m[2]}: ${m[3]!.replace(/\d+/g, 'N').slice(0, 160)}`;
    failures[key] = (failures[key] ?? 0) + 1;
  }
  const failedLines = [...stderr.matchAll(/^\[\d+\/\d+\] .*: failed$/gm)].length;
  const warnings = [...stdout.matchAll(/^ {2}warning /gm)].length;
  console.log(
    `ingest: exit ${codes.join(', ')}, ${ingestSeconds.toFixed(0)} s${stopped ? ` (stopped after --max-minutes ${MAX_MINUTES})` : ''}; ` +
      (summaries.length ? summaries.map((m) => m[0]).join('; ') : 'no summary line (see the log)'),
  );
  await rm(tmp, { recursive: true, force: true });
  return {
    corpus: corpusPath,
    input: { corpusArticles: corpus.length, goldArticles: gold.length, unreadableCorpusLines: unreadable },
    jobs: JOBS,
    exitCodes: codes,
    stoppedAfterMinutes: stopped ? MAX_MINUTES : null,
    seconds: Math.round(ingestSeconds),
    ingested: total(1),
    duplicates: total(2),
    failed: total(3) ?? failedLines,
    failures,
    warnings,
    log: logFile,
  };
}
const ingest = MEASURE ? null : await ingestCorpus();

// --- Read the figures back from the database. ---
const db = new pg.Client({ connectionString: dbUrl });
await db.connect();
const one = async <T>(q: string, params: unknown[] = []) => (await db.query(q, params)).rows[0] as T;
const rows = async <T>(q: string, params: unknown[] = []) => (await db.query(q, params)).rows as T[];

const counts = await one<{ articles: number; dated: number; claims: number; actors: number }>(`
  SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Article" WHERE "publishedAt" IS NOT NULL)::int AS dated,
         (SELECT count(*) FROM "Claim")::int AS claims, (SELECT count(*) FROM "Actor")::int AS actors`);
const per1000 = (n: number) => (counts.articles ? Math.round((n * 1000 * 10) / counts.articles) / 10 : 0);
const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : null);

// A relation's two articles and their dates: the base of the per-kind figures and of the samples. Stored
// relations are pairs (contradictions); a corroboration is cluster membership, so each pair of claims of two
// articles in one cluster counts as one (with the later claim's reason for joining), as Claim.related lists them.
const REL = `
  SELECT r.id, r.kind, r."fromClaimId" AS f, r."toClaimId" AS t, r.slot,
         -- A claim's identity that does not depend on ingest order: its article's content hash and its extraction key.
         fa."contentHash" || '/' || fc."extractionKey" AS fk, ta."contentHash" || '/' || tc."extractionKey" AS tk, r."fromValue", r."toValue", r.reason,
         fc.text AS "fromText", fc.modality::text AS "fromModality", ts.name AS "fromOutlet", fa."publishedAt" AS "fromDate", fa.url AS "fromUrl", fa.id AS "fromArticle",
         tc.text AS "toText", tc.modality::text AS "toModality", us.name AS "toOutlet", ta."publishedAt" AS "toDate", ta.url AS "toUrl", ta.id AS "toArticle"
    FROM (SELECT id, kind::text AS kind, "fromClaimId", "toClaimId", slot, "fromValue", "toValue", reason FROM "ClaimRelation"
          UNION ALL
          SELECT NULL, 'CORROBORATES', a.id, b.id, '', NULL, NULL, b."clusterReason" FROM "Claim" a
            JOIN "Claim" b ON b."clusterId" = a."clusterId" AND b.id > a.id AND b."articleId" <> a."articleId"
           WHERE NOT EXISTS (SELECT 1 FROM "ClaimRelation" s WHERE s."fromClaimId" = a.id AND s."toClaimId" = b.id)) r
    JOIN "Claim" fc ON fc.id = r."fromClaimId" JOIN "Article" fa ON fa.id = fc."articleId" JOIN "Source" ts ON ts.id = fa."sourceId"
    JOIN "Claim" tc ON tc.id = r."toClaimId" JOIN "Article" ta ON ta.id = tc."articleId" JOIN "Source" us ON us.id = ta."sourceId"`;
const byKind = await rows<{
  kind: string;
  relations: number;
  pairs: number;
  dated: number;
  far: number;
  sameOutlet: number;
}>(`
  SELECT kind, count(*)::int AS relations,
         count(DISTINCT (least(f, t), greatest(f, t)))::int AS pairs,
         count(*) FILTER (WHERE "fromDate" IS NOT NULL AND "toDate" IS NOT NULL)::int AS dated,
         count(*) FILTER (WHERE abs(extract(epoch FROM "fromDate" - "toDate")) > 30 * 86400)::int AS far,
         count(*) FILTER (WHERE "fromOutlet" = "toOutlet")::int AS "sameOutlet"
    FROM (${REL}) x
   GROUP BY kind ORDER BY kind`);
const relations = Object.fromEntries(
  byKind.map((k) => [
    k.kind,
    {
      relations: k.relations,
      per1000Articles: per1000(k.relations),
      claimPairs: k.pairs,
      bothDated: k.dated,
      moreThan30DaysApart: k.far,
      shareMoreThan30Days: share(k.far, k.dated),
      sameOutlet: k.sameOutlet,
    },
  ]),
);
// Cluster sizes (claims), each size with its clusters and their corroborating pairs (claims of two articles).
const clusterSizes = await rows<{ size: number; clusters: number; pairs: number }>(`
  SELECT size, count(*)::int AS clusters, sum(pairs)::int AS pairs FROM (
    SELECT count(*)::int AS size,
           ((count(*) * (count(*) - 1)) / 2 - (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (
              SELECT count(*) AS n FROM "Claim" s WHERE s."clusterId" = c."clusterId" GROUP BY s."articleId") o))::int AS pairs
      FROM "Claim" c WHERE c."clusterId" IS NOT NULL GROUP BY c."clusterId") k
   GROUP BY size ORDER BY size`);
const clusters = {
  bySize: clusterSizes,
  clusters: clusterSizes.reduce((n, k) => n + k.clusters, 0),
  pairsFrom10OrMore: clusterSizes.filter((k) => k.size >= 10).reduce((n, k) => n + k.pairs, 0),
};

// Actors: rows of the workspace, and the distinct actors an article's claims name (as actor or in a chain).
const actorKinds = await rows<{ kind: string; n: number }>(
  `SELECT kind::text, count(*)::int AS n FROM "Actor" GROUP BY kind ORDER BY n DESC`,
);
const perArticle = await one<{ mean: number; median: number }>(`
  WITH m AS (
    SELECT c."articleId", ca."actorId" FROM "ClaimActor" ca JOIN "Claim" c ON c.id = ca."claimId"
    UNION SELECT c."articleId", at."actorId" FROM "ClaimAttribution" at JOIN "Claim" c ON c.id = at."claimId" WHERE at."actorId" IS NOT NULL
  ), per AS (SELECT a.id, count(m."actorId") AS n FROM "Article" a LEFT JOIN m ON m."articleId" = a.id GROUP BY a.id)
  SELECT coalesce(avg(n), 0)::float AS mean, coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY n), 0)::float AS median FROM per`);
const names = await rows<{ name: string; kind: string; mentions: number }>(`
  SELECT a."canonicalName" AS name, a.kind::text AS kind, (SELECT count(*) FROM "ClaimActor" ca WHERE ca."actorId" = a.id)::int AS mentions FROM "Actor" a`);
// Shapes of a headline rather than a name: a capitalised function word inside the name ("Opposition To The"),
// or a name of two or more words written in capitals ("TRUMP SAYS COHEN'S").
const FUNCTION_WORDS =
  /\s(The|Of|To|And|For|In|On|At|A|An|With|By|From|As|Is|Are|Was|Says|Said|Over|After|Into|About)(?=\s|$)/;
const shapes = {
  oneWord: (n: string) => !/\s/.test(n.trim()),
  headlineCased: (n: string) => FUNCTION_WORDS.test(n),
  allCaps: (n: string) => /\s/.test(n.trim()) && /[A-Z]/.test(n) && !/[a-z]/.test(n),
};
interface ShapeFigure {
  actors: number;
  share: number | null;
  shareOfPersons: number | null;
  mostMentioned: string[];
}
const shapeFigures = Object.fromEntries(
  Object.entries(shapes).map(([shape, test]) => {
    const hit = names.filter((a) => test(a.name));
    const persons = names.filter((a) => a.kind === 'PERSON');
    return [
      shape,
      {
        actors: hit.length,
        share: share(hit.length, names.length),
        shareOfPersons: share(persons.filter((a) => test(a.name)).length, persons.length),
        mostMentioned: hit
          .sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name))
          .slice(0, 15)
          .map((a) => `${a.name} (${a.kind}, ${a.mentions})`),
      },
    ];
  }),
) as Record<keyof typeof shapes, ShapeFigure>;
const headlineOrCaps = names.filter((a) => shapes.headlineCased(a.name) || shapes.allCaps(a.name)).length;

// Page chrome by shape: video teasers, photo credits, gallery controls, calls to click, hover cards ending in MORE.
const CHROME: Record<string, string> = {
  'JUST WATCHED': 'JUST WATCHED',
  'Replay More Videos': 'Replay\\s+More\\s+Videos',
  '/Getty Images (photo credit)': '/\\s*Getty\\s+Images',
  'Previous Next (gallery)': 'Previous\\s+Next',
  'Click here / Click below': '(?i)click\\s+(here|below)',
  // An inline hover card: a name glued to related headlines, closed by MORE, spaced or glued ("TrumpGOP senators balk … MORE said", "KennedyMORE").
  '… MORE (hover card)': '[a-z.,;:!?"”’)]\\s*MORE(\\s|$|[^A-Za-z])',
  'toggle caption / Enlarge this image': '(?i)toggle\\s+caption|enlarge\\s+this\\s+image',
  'Image copyright / Image caption': 'Image\\s+(copyright|caption)',
  'Media playback / Media caption (video player)': 'Media\\s+(playback\\s+is\\s+unsupported|caption)',
  '… Read more. / Read: … (related link)': 'Read\\s+more\\.?$|^Read:',
  'Sign up / Subscribe / newsletters (promo)':
    '(?i)^(sign\\s+up(\\s+here|\\s+to|\\s+for)|subscribe\\s+to|get\\s.{0,40}newsletter|view\\s+all\\s.{0,40}newsletters)',
  'If you enjoyed this article (promo)': '(?i)if\\s+you\\s+enjoyed\\s+this\\s+article',
  'Follow … on Twitter (byline)': '(?i)^follow\\s+(him|her|them|us|me)\\s+on\\s+(twitter|facebook|instagram)',
  '(RELATED: …)': '^\\(RELATED:',
  'Photo: … / …/AP Photo (credit)': '^Photo:|/\\s*AP\\s+Photo',
};
// (PostgreSQL reads the leading "(?i)" of a pattern as case-insensitive.)
const chrome: Record<string, { claims: number; actors: number; aliases: number; examples: string[] }> = {};
const countChrome = (patterns: string[]) =>
  one<{ claims: number; actors: number; aliases: number }>(
    `
    SELECT (SELECT count(*) FROM "Claim" WHERE text ~ ANY($1::text[]))::int AS claims,
           (SELECT count(*) FROM "Actor" WHERE "canonicalName" ~ ANY($1::text[]))::int AS actors,
           (SELECT count(*) FROM "ActorAlias" WHERE alias ~ ANY($1::text[]))::int AS aliases`,
    [patterns],
  );
for (const [label, pattern] of Object.entries(CHROME)) {
  const ex = await rows<{ t: string }>(
    `
    (SELECT left(text, 200) AS t FROM "Claim" WHERE text ~ $1 ORDER BY id LIMIT 3)
    UNION ALL (SELECT "canonicalName" FROM "Actor" WHERE "canonicalName" ~ $1 ORDER BY id LIMIT 2)`,
    [pattern],
  );
  chrome[label] = { ...(await countChrome([pattern])), examples: ex.map((e) => e.t) };
}
// Claims, actors and aliases of any shape above, each counted once.
const chromeAny = await countChrome(Object.values(CHROME));

const modality = await rows<{ modality: string; n: number }>(
  `SELECT modality::text, count(*)::int AS n FROM "Claim" GROUP BY 1 ORDER BY 2 DESC`,
);

// Samples: per kind, the relations with the smallest md5 of the seed and both claims' identities — a fixed draw
// that picks the same relations whatever order (or --jobs) the articles went in.
const samples: Record<string, unknown[]> = {};
for (const { kind } of byKind) {
  samples[kind] = (
    await rows<Record<string, unknown>>(
      `SELECT * FROM (${REL}) rel WHERE kind = $1 ORDER BY md5($2 || ':' || least(fk, tk) || ':' || greatest(fk, tk) || ':' || slot), id LIMIT $3`,
      [kind, SEED, SAMPLES],
    )
  ).map(({ f: _f, t: _t, fk: _fk, tk: _tk, ...r }) => ({
    ...r,
    fromDate: r['fromDate'] ? (r['fromDate'] as Date).toISOString().slice(0, 10) : null,
    toDate: r['toDate'] ? (r['toDate'] as Date).toISOString().slice(0, 10) : null,
    daysApart:
      r['fromDate'] && r['toDate']
        ? Math.round(Math.abs((r['fromDate'] as Date).getTime() - (r['toDate'] as Date).getTime()) / DAY_MS)
        : null,
  }));
}
await db.end();

const result = {
  measuredAt: new Date().toISOString(),
  // Measuring an earlier database: the commit is only the script's; the ingest's commit is in that run's results.
  ...(MEASURE
    ? { scriptCommit: commit }
    : { commit, uncommittedExtractOrIngestChanges: dirty ? dirty.split('\n') : [] }),
  command: `npx tsx bench/corpus-ingest/run.ts ${args.filter((a) => a !== '--drop').join(' ')}`,
  database: args.includes('--drop') ? null : dbUrl,
  ingest,
  articles: counts.articles,
  datedArticles: counts.dated,
  claims: counts.claims,
  claimsPerArticle: counts.articles ? Math.round((counts.claims / counts.articles) * 10) / 10 : 0,
  modality: Object.fromEntries(modality.map((m) => [m.modality, m.n])),
  relations,
  clusters,
  actors: {
    rows: counts.actors,
    rowsPerArticle: counts.articles ? Math.round((counts.actors / counts.articles) * 100) / 100 : 0,
    byKind: Object.fromEntries(actorKinds.map((k) => [k.kind, k.n])),
    namedPerArticle: { mean: Math.round(perArticle.mean * 100) / 100, median: perArticle.median },
    ...shapeFigures,
    headlineCasedOrAllCaps: { actors: headlineOrCaps, share: share(headlineOrCaps, names.length) },
  },
  chrome,
  chromeAny,
  samples,
};
writeFileSync(outFile, JSON.stringify(result, null, 1) + '\n');

if (args.includes('--drop')) {
  const admin = new pg.Client({ connectionString: `${PG}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
  await admin.end();
}

// --- The figures, then the samples, in plain text. ---
const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
const out: string[] = [];
out.push(
  MEASURE
    ? `database ${dbName} (read with the script of ${commit})`
    : `commit ${commit}${dirty ? ' (with uncommitted changes to the extract/ingest code)' : ''}`,
);
out.push(
  `articles ${counts.articles} (${counts.dated} dated), claims ${counts.claims} (${result.claimsPerArticle}/article)${ingest ? `, ingest ${ingest.seconds} s, failed ${ingest.failed}` : ''}`,
);
for (const [reason, n] of Object.entries(ingest?.failures ?? {})) out.push(`  failed ×${n}: ${reason}`);
for (const [kind, r] of Object.entries(relations)) {
  out.push(
    `${kind}: ${r.relations} (${r.per1000Articles} per 1,000 articles, ${r.claimPairs} claim pairs); > 30 days apart ${r.moreThan30DaysApart}/${r.bothDated} = ${pct(r.shareMoreThan30Days)}; same outlet ${r.sameOutlet}`,
  );
}
out.push(
  `clusters: ${clusters.clusters} (size x count: ${clusterSizes.map((k) => `${k.size}x${k.clusters}`).join(', ')}); pairs from clusters of 10 or more ${clusters.pairsFrom10OrMore}`,
);
const a = result.actors;
out.push(
  `actors: ${a.rows} rows (${a.rowsPerArticle}/article; ${Object.entries(a.byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}); named by an article's claims: mean ${a.namedPerArticle.mean}, median ${a.namedPerArticle.median}`,
);
out.push(
  `  one-word ${pct(a.oneWord.share)} (of persons ${pct(a.oneWord.shareOfPersons)}), headline-cased ${pct(a.headlineCased.share)}, all-caps ${pct(a.allCaps.share)}, either ${pct(a.headlineCasedOrAllCaps.share)}`,
);
for (const s of ['oneWord', 'headlineCased', 'allCaps'] as const) out.push(`  ${s}: ${a[s].mostMentioned.join('; ')}`);
out.push(
  `chrome (claims / actors / aliases): any shape ${chromeAny.claims} / ${chromeAny.actors} / ${chromeAny.aliases}`,
);
for (const [label, c] of Object.entries(chrome))
  out.push(
    `  ${label}: ${c.claims} / ${c.actors} / ${c.aliases}${c.examples.length ? `  e.g. ${JSON.stringify(c.examples[0])}` : ''}`,
  );
for (const [kind, list] of Object.entries(samples)) {
  out.push(`\n=== ${list.length} sampled ${kind} (seed ${SEED}) ===`);
  for (const [i, s] of (list as Record<string, unknown>[]).entries()) {
    out.push(
      `#${i + 1} relation ${s['id']}${s['slot'] ? ` slot ${s['slot']}: ${s['fromValue']} vs ${s['toValue']}` : ''}; ${s['daysApart'] ?? '?'} days apart; reason: ${s['reason']}`,
    );
    out.push(`  A [${s['fromOutlet']}, ${s['fromDate'] ?? 'no date'}, ${s['fromModality']}] ${s['fromText']}`);
    out.push(`  B [${s['toOutlet']}, ${s['toDate'] ?? 'no date'}, ${s['toModality']}] ${s['toText']}`);
  }
}
console.log(out.join('\n'));
console.log(`\nfigures and samples: ${outFile}`);
