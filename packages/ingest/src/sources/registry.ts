// The starter outlet registry (data/outlets/registry.json) and raters' label CSVs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ownership, Prisma, PrismaClient } from '@claimgraph/db';
import { isIsoDate } from '@claimgraph/shared';
import { z } from 'zod';
import { slugify } from '../normalize.js';
import { REGISTRY_PATH } from '../paths.js';
import { parseCsv } from './csv.js';

const LabelModel = z.object({
  scheme: z.string().min(1),
  value: z.string().min(1),
  rater: z.string().min(1),
  url: z.string().url().nullable().optional(),
  assertedAt: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});

const OutletModel = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  domains: z.array(z.string()),
  country: z.string().nullable().optional(),
  ownership: z.enum(['state', 'public', 'private', 'unknown']),
  kind: z.string().optional(),
  labels: z.array(LabelModel),
  /** Where the entry's domains and facts come from, when not from the labels' sources (kept in the file, not stored). */
  provenance: z.string().optional(),
});

export const RegistryModel = z.object({
  version: z.literal(1),
  description: z.string().optional(),
  /** Raters' label CSVs beside registry.json, imported as shared labels. */
  labelFiles: z.array(z.string()).optional(),
  outlets: z.array(OutletModel),
});
export type Registry = z.infer<typeof RegistryModel>;
export type RegistryOutlet = z.infer<typeof OutletModel>;

let cached: Registry | null = null;
export function loadRegistry(): Registry {
  cached ??= RegistryModel.parse(JSON.parse(readFileSync(REGISTRY_PATH, 'utf8')));
  return cached;
}

let aliasSlugs: Map<string, string> | null = null;
/** Slug of any registry name or alias → slug of the outlet's registry name. */
export function registryAliasSlugs(): Map<string, string> {
  if (!aliasSlugs) {
    aliasSlugs = new Map();
    for (const o of loadRegistry().outlets)
      for (const a of [o.name, ...(o.aliases ?? [])]) aliasSlugs.set(slugify(a), slugify(o.name));
  }
  return aliasSlugs;
}

const OWNERSHIP: Record<RegistryOutlet['ownership'], Ownership> = {
  state: 'STATE',
  public: 'PUBLIC',
  private: 'PRIVATE',
  unknown: 'UNKNOWN',
};

export interface RegistryImportResult {
  outlets: number;
  createdOutlets: number;
  labelsAdded: number;
  labelsRetired: number;
}

/**
 * Loads the starter registry into Source and shared BiasLabel rows, then its raters' label files.
 * Idempotent: a second run changes nothing; a label registry.json no longer lists (same outlet, scheme
 * and rater) is retired, not deleted.
 */
export async function importRegistry(
  db: PrismaClient,
  registry: Registry = loadRegistry(),
): Promise<RegistryImportResult> {
  const result: RegistryImportResult = { outlets: 0, createdOutlets: 0, labelsAdded: 0, labelsRetired: 0 };
  await db.$transaction(
    async (tx) => {
      // Serialise concurrent imports (several processes starting at once).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('claimgraph:registry'))`;
      for (const o of registry.outlets) {
        const slug = slugify(o.name);
        const domains = o.domains.map((d) => d.toLowerCase());
        // Registry outlets only: a workspace's own outlets are its business.
        const existing = await tx.source.findFirst({
          where: {
            workspaceId: null,
            OR: [{ slug }, ...(domains.length ? [{ domain: { in: domains } }, { domains: { hasSome: domains } }] : [])],
          },
          orderBy: { id: 'asc' },
        });
        const data = {
          name: o.name,
          country: o.country ?? null,
          ownership: OWNERSHIP[o.ownership],
          domains,
          domain: domains[0] ?? null,
        };
        let sourceId: number;
        if (existing) {
          sourceId = existing.id;
          const same =
            existing.name === data.name &&
            existing.country === data.country &&
            existing.ownership === data.ownership &&
            existing.domain === data.domain &&
            existing.domains.join() === domains.join() &&
            existing.slug === slug;
          if (!same) {
            // Free the domain if another registry outlet holds it (it stays, under its own slug).
            if (data.domain)
              await tx.source.updateMany({
                where: { workspaceId: null, domain: data.domain, id: { not: existing.id } },
                data: { domain: null },
              });
            await tx.source.update({ where: { id: existing.id }, data: { ...data, slug } });
          }
        } else {
          if (data.domain)
            await tx.source.updateMany({ where: { workspaceId: null, domain: data.domain }, data: { domain: null } });
          sourceId = (await tx.source.create({ data: { ...data, slug } })).id;
          result.createdOutlets++;
        }
        result.outlets++;
        const current = await tx.biasLabel.findMany({ where: { sourceId, workspaceId: null, retiredAt: null } });
        const key = (l: { scheme: string; value: string; rater: string }) =>
          `${l.scheme}\u0000${l.value}\u0000${l.rater}`;
        const wanted = new Map(o.labels.map((l) => [key(l), l]));
        const raters = new Set(o.labels.map((l) => `${l.scheme}\u0000${l.rater}`));
        for (const l of current) {
          if (wanted.has(key(l))) wanted.delete(key(l));
          else if (raters.has(`${l.scheme}\u0000${l.rater}`) || l.rater === 'Wikipedia') {
            await tx.biasLabel.update({ where: { id: l.id }, data: { retiredAt: new Date() } });
            result.labelsRetired++;
          }
        }
        for (const l of wanted.values()) {
          await tx.biasLabel.create({
            data: {
              sourceId,
              scheme: l.scheme,
              value: l.value,
              rater: l.rater,
              url: l.url ?? null,
              note: l.note ?? null,
              assertedAt: l.assertedAt ? new Date(l.assertedAt) : null,
            },
          });
          result.labelsAdded++;
        }
      }
      await importLabelFiles(tx, registry.labelFiles ?? [], result);
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
  return result;
}

// --- Raters' CSV ---------------------------------------------------------------------------------

/**
 * A text cell: trimmed, bounded like the API's addLabel, and never a spreadsheet formula (=, +, @, or - before
 * a non-digit): a rater's sheet saved with =HYPERLINK(…) cells would otherwise store the formula as the label.
 */
const cell = (name: string, max: number, empty?: string) =>
  z
    .string()
    .trim()
    .min(empty ? 1 : 0, empty)
    .max(max, `${name} is longer than ${max} characters`)
    .refine(
      (s) => !/^[=+@]|^-[^\d\s]/.test(s),
      `${name} starts like a spreadsheet formula; save the sheet as values or remove the leading sign`,
    );

const CsvLabelModel = z.object({
  outlet: cell('outlet', 200, 'outlet is empty'),
  scheme: cell('scheme', 100, 'scheme is empty (e.g. lean, state-affiliated)'),
  value: cell('value', 200, 'value is empty'),
  rater: cell('rater', 300, 'rater is empty: say who asserts the label'),
  url: z
    .string()
    .trim()
    .min(1, 'url is empty: give the public page that states the label')
    .max(2000, 'url is longer than 2000 characters')
    .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'url must be an absolute http(s) address'),
  assertedAt: z
    .string()
    .trim()
    .optional()
    .refine((s) => !s || isIsoDate(s), 'assertedAt is not a date (use ISO 8601, e.g. 2024-05-01)'),
  note: cell('note', 2000).optional(),
});

type CsvLabel = z.infer<typeof CsvLabelModel>;
type LineError = { line: number; message: string };

/** A label CSV's rows, validated: the good ones with their line numbers, and one message per bad line. */
function readLabelCsv(csvText: string): { labels: { line: number; label: CsvLabel }[]; errors: LineError[] } {
  const labels: { line: number; label: CsvLabel }[] = [];
  const errors: LineError[] = [];
  const rows = parseCsv(csvText.replace(/^\uFEFF/, ''));
  const header = rows.shift();
  if (!header)
    return {
      labels,
      errors: [
        { line: 1, message: 'The CSV is empty: expected a header outlet,scheme,value,rater,url[,assertedAt,note].' },
      ],
    };
  const cols = header.cells.map((c) => c.trim().toLowerCase());
  const missing = ['outlet', 'scheme', 'value', 'rater', 'url'].filter((c) => !cols.includes(c));
  if (missing.length) {
    return {
      labels,
      errors: [
        {
          line: header.line,
          message: `Header lacks column(s) ${missing.join(', ')}; expected outlet,scheme,value,rater,url[,assertedAt,note].`,
        },
      ],
    };
  }
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (row.cells.length > cols.length) {
      errors.push({
        line: row.line,
        message: `has ${row.cells.length} cells, the header has ${cols.length} (quote cells that contain commas)`,
      });
      continue;
    }
    const record = Object.fromEntries(cols.map((c, i) => [c, row.cells[i] ?? '']));
    const parsed = CsvLabelModel.safeParse({ ...record, assertedAt: record['assertedat'] || undefined });
    if (parsed.success) labels.push({ line: row.line, label: parsed.data });
    else errors.push({ line: row.line, message: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  return { labels, errors };
}

export interface CsvImportResult {
  added: number;
  unchanged: number;
  createdOutlets: string[];
  errors: LineError[];
}

/**
 * Imports a rater's labels: header `outlet,scheme,value,rater,url[,assertedAt,note]`. Outlets match by
 * domain or name (unknown ones are created). Bad lines are reported by line number; good lines still import.
 * `workspaceId` null/absent = shared labels.
 */
export async function importLabelsCsv(
  db: PrismaClient,
  csvText: string,
  options: { workspaceId?: number | null } = {},
): Promise<CsvImportResult> {
  const { labels, errors } = readLabelCsv(csvText);
  const result: CsvImportResult = { added: 0, unchanged: 0, createdOutlets: [], errors };
  const workspaceId = options.workspaceId ?? null;
  const { resolveSource } = await import('./resolve.js');
  const { prismaTx } = await import('../service/sql.js');
  for (const { line, label: l } of labels) {
    try {
      await db.$transaction(async (tx) => {
        const looksLikeDomain = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(l.outlet);
        const src = await resolveSource(
          prismaTx(tx),
          workspaceId,
          looksLikeDomain ? { url: `https://${l.outlet}` } : { name: l.outlet },
        );
        if (src.created) result.createdOutlets.push(l.outlet);
        const exists = await tx.biasLabel.findFirst({
          where: { sourceId: src.id, workspaceId, scheme: l.scheme, value: l.value, rater: l.rater, retiredAt: null },
        });
        if (exists) {
          result.unchanged++;
          return;
        }
        await tx.biasLabel.create({
          data: {
            sourceId: src.id,
            workspaceId,
            scheme: l.scheme,
            value: l.value,
            rater: l.rater,
            url: l.url,
            note: l.note || null,
            assertedAt: l.assertedAt ? new Date(l.assertedAt) : null,
          },
        });
        result.added++;
      });
    } catch (err) {
      result.errors.push({ line, message: `could not be stored: ${(err as Error).message.split('\n').slice(-1)[0]}` });
    }
  }
  result.errors.sort((x, y) => x.line - y.line);
  return result;
}

const shippedLabels = new Map<string, CsvLabel[]>();
/** A label file the registry ships: a bad line is a bug in the checkout, so it stops the import. */
function readShippedLabels(file: string): CsvLabel[] {
  let labels = shippedLabels.get(file);
  if (!labels) {
    const read = readLabelCsv(readFileSync(path.join(path.dirname(REGISTRY_PATH), file), 'utf8'));
    if (read.errors.length) throw new Error(`${file} line ${read.errors[0]!.line}: ${read.errors[0]!.message}`);
    shippedLabels.set(file, (labels = read.labels.map((l) => l.label)));
  }
  return labels;
}

/**
 * The shipped raters' labels as shared labels, on registry outlets found by name or alias (created,
 * unlabelled otherwise, when missing). Adds what is missing and retires nothing: a team may have imported a
 * newer file of the same rater. A label landing on an outlet the rater spells differently says so in its note.
 * A few statements whatever the file's size: everything is matched in memory.
 */
async function importLabelFiles(tx: Prisma.TransactionClient, files: string[], result: RegistryImportResult) {
  const rows = files.flatMap(readShippedLabels);
  if (!rows.length) return;
  const { candidateSlugs } = await import('./resolve.js');
  const outlets = await tx.source.findMany({
    where: { workspaceId: null },
    select: { id: true, slug: true, name: true },
    orderBy: { id: 'asc' },
  });
  const bySlug = new Map<string, { id: number; name: string }>();
  const remember = (o: { id: number; slug: string; name: string }) => bySlug.has(o.slug) || bySlug.set(o.slug, o);
  outlets.forEach(remember);
  // As resolveSource: the oldest outlet any candidate slug names.
  const outletOf = (name: string) =>
    candidateSlugs(name)
      .map((s) => bySlug.get(s))
      .filter((o) => o !== undefined)
      .sort((x, y) => x.id - y.id)[0];
  const missing = new Map(rows.filter((r) => !outletOf(r.outlet)).map((r) => [slugify(r.outlet), r.outlet]));
  if (missing.size) {
    const created = await tx.source.createManyAndReturn({
      data: [...missing].map(([slug, name]) => ({ slug, name })),
      select: { id: true, slug: true, name: true },
    });
    created.forEach(remember);
    result.createdOutlets += created.length;
  }
  const key = (sourceId: number, l: { scheme: string; value: string; rater: string }) =>
    `${sourceId}\u0000${l.scheme}\u0000${l.value}\u0000${l.rater}`;
  const current = await tx.biasLabel.findMany({
    where: { workspaceId: null, retiredAt: null, rater: { in: [...new Set(rows.map((r) => r.rater))] } },
    select: { sourceId: true, scheme: true, value: true, rater: true },
  });
  const have = new Set(current.map((l) => key(l.sourceId, l)));
  const data: Prisma.BiasLabelCreateManyInput[] = [];
  for (const r of rows) {
    const outlet = outletOf(r.outlet)!;
    if (have.has(key(outlet.id, r))) continue;
    have.add(key(outlet.id, r));
    const spelled = outlet.name === r.outlet ? '' : `Rated as "${r.outlet}". `;
    data.push({
      sourceId: outlet.id,
      scheme: r.scheme,
      value: r.value,
      rater: r.rater,
      url: r.url,
      note: `${spelled}${r.note ?? ''}`.trim() || null,
      assertedAt: r.assertedAt ? new Date(r.assertedAt) : null,
    });
  }
  if (data.length) result.labelsAdded += (await tx.biasLabel.createMany({ data })).count;
}
