// Outlets: find the Source an article belongs to (by domain, then by name), or create it unlabelled.
import { domainOf, slugify } from '../normalize.js';
import { sql, type Tx } from '../service/sql.js';
import { registryAliasSlugs } from './registry.js';

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

/** The outlet `ref` names, by domain first, then by name; null when it is not known yet. */
export async function findSource(tx: Tx, ref: { name?: string | undefined; url?: string | undefined }): Promise<SourceRef | null> {
  const domain = ref.url ? domainOf(ref.url) : null;
  if (domain) {
    const parts = domain.split('.');
    const domains = parts.slice(0, -1).map((_, i) => parts.slice(i).join('.')); // a.b.cgtn.com → …, cgtn.com
    const [hit] = await tx.query<{ id: number; name: string }>(sql`
      SELECT id, name FROM "Source" WHERE domain = ANY(${domains}::text[]) OR domains && ${domains}::text[] ORDER BY id LIMIT 1`);
    if (hit) return { ...hit, created: false };
  }
  const [byName] = await tx.query<{ id: number; name: string }>(sql`
    SELECT id, name FROM "Source" WHERE slug = ANY(${candidateSlugs(outletName(ref))}::text[]) ORDER BY id LIMIT 1`);
  return byName ? { ...byName, created: false } : null;
}

const outletName = (ref: { name?: string | undefined; url?: string | undefined }) => ref.name?.trim() || (ref.url ? domainOf(ref.url) : null) || 'Unknown outlet';

/**
 * Source for an outlet named `name` and/or publishing at `url`. Matches a known domain first, then a
 * known name; otherwise creates the outlet (no labels). Race-safe across concurrent transactions.
 */
export async function resolveSource(tx: Tx, ref: { name?: string | undefined; url?: string | undefined }): Promise<SourceRef> {
  const known = await findSource(tx, ref);
  if (known) return known;
  const domain = ref.url ? domainOf(ref.url) : null;
  const name = outletName(ref);
  const slug = candidateSlugs(name)[0]!;
  // The domain goes to the new outlet unless another outlet already claims it. ON CONFLICT DO
  // NOTHING: another transaction may create the same outlet at the same moment.
  const inserted = await tx.query<{ id: number }>(sql`
    INSERT INTO "Source" (slug, name, domain, domains)
    SELECT ${slug}, ${name}, CASE WHEN EXISTS (SELECT 1 FROM "Source" WHERE domain = ${domain}::text) THEN NULL ELSE ${domain}::text END,
           ${domain ? [domain] : []}::text[]
    ON CONFLICT DO NOTHING RETURNING id`);
  if (inserted[0]) return { id: inserted[0].id, name, created: true };
  const [again] = await tx.query<{ id: number; name: string }>(sql`
    SELECT id, name FROM "Source" WHERE slug = ${slug} OR domain = ${domain}::text ORDER BY id LIMIT 1`);
  if (!again) throw new Error(`Outlet "${name}" could neither be created nor found.`);
  return { ...again, created: false };
}

/** Outlets already known under these names (one query); names not in the map need `resolveSource`. */
export async function knownSourcesByName(tx: Tx, names: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(names)];
  if (!unique.length) return out;
  const slugsOf = new Map(unique.map((n) => [n, candidateSlugs(n)]));
  const rows = await tx.query<{ id: number; slug: string }>(sql`
    SELECT id, slug FROM "Source" WHERE slug = ANY(${[...new Set([...slugsOf.values()].flat())]}::text[]) ORDER BY id`);
  const bySlug = new Map<string, number>();
  for (const r of rows) if (!bySlug.has(r.slug)) bySlug.set(r.slug, r.id);
  for (const [name, slugs] of slugsOf) {
    const ids = slugs.map((s) => bySlug.get(s)).filter((x): x is number => x !== undefined);
    if (ids.length) out.set(name, Math.min(...ids)); // as resolveSource: the oldest outlet wins
  }
  return out;
}
