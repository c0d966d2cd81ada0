// Outlets: find the Source an article belongs to (by domain, then by name), or create it unlabelled.
import type { Prisma } from '@claimgraph/db';
import { domainOf, slugify } from '../normalize.js';
import { registryAliasSlugs } from './registry.js';

type Tx = Prisma.TransactionClient;

export interface SourceRef {
  id: number;
  name: string;
  created: boolean;
}

/** Registry and earlier articles know outlets under a slug; "The X" and "X" are the same outlet. */
function candidateSlugs(name: string): string[] {
  const slug = slugify(name);
  const out = new Set([slug, slug.replace(/^the-/, ''), `the-${slug}`]);
  const alias = registryAliasSlugs().get(slug);
  if (alias) out.add(alias);
  return [...out];
}

/**
 * Source for an outlet named `name` and/or publishing at `url`. Matches a known domain first, then a
 * known name; otherwise creates the outlet (no labels). Race-safe across concurrent transactions.
 */
export async function resolveSource(tx: Tx, ref: { name?: string | undefined; url?: string | undefined }): Promise<SourceRef> {
  const domain = ref.url ? domainOf(ref.url) : null;
  if (domain) {
    const parts = domain.split('.');
    const domains = parts.slice(0, -1).map((_, i) => parts.slice(i).join('.')); // a.b.cgtn.com → …, cgtn.com
    const hit = await tx.source.findFirst({
      where: { OR: [{ domain: { in: domains } }, { domains: { hasSome: domains } }] },
      select: { id: true, name: true, domain: true },
      orderBy: { id: 'asc' },
    });
    if (hit) return { id: hit.id, name: hit.name, created: false };
  }
  const name = ref.name?.trim() || domain || 'Unknown outlet';
  const slugs = candidateSlugs(name);
  const byName = await tx.source.findFirst({ where: { slug: { in: slugs } }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
  if (byName) return { id: byName.id, name: byName.name, created: false };

  const slug = slugs[0]!;
  const freeDomain = domain && !(await tx.source.findFirst({ where: { domain }, select: { id: true } })) ? domain : null;
  // ON CONFLICT DO NOTHING: another transaction may create the same outlet at the same moment.
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "Source" (slug, name, domain, domains)
    VALUES (${slug}, ${name}, ${freeDomain}, ${domain ? [domain] : []}::text[])
    ON CONFLICT DO NOTHING RETURNING id`;
  if (inserted[0]) return { id: inserted[0].id, name, created: true };
  const again = await tx.source.findFirst({
    where: { OR: [{ slug }, ...(domain ? [{ domain }] : [])] },
    select: { id: true, name: true },
  });
  if (!again) throw new Error(`Outlet "${name}" could neither be created nor found.`);
  return { id: again.id, name: again.name, created: false };
}

/** Outlets already known under these names (one query); names not in the map need `resolveSource`. */
export async function knownSourcesByName(tx: Tx, names: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(names)];
  if (!unique.length) return out;
  const slugsOf = new Map(unique.map((n) => [n, candidateSlugs(n)]));
  const rows = await tx.source.findMany({ where: { slug: { in: [...new Set([...slugsOf.values()].flat())] } }, select: { id: true, slug: true }, orderBy: { id: 'asc' } });
  const bySlug = new Map<string, number>();
  for (const r of rows) if (!bySlug.has(r.slug)) bySlug.set(r.slug, r.id);
  for (const [name, slugs] of slugsOf) {
    const ids = slugs.map((s) => bySlug.get(s)).filter((x): x is number => x !== undefined);
    if (ids.length) out.set(name, Math.min(...ids)); // as resolveSource: the oldest outlet wins
  }
  return out;
}
