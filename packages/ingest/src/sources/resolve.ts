// Outlets: find the Source an article belongs to (by domain, then by name), or create it unlabelled.
// A workspace sees its own outlets and the shared registry's, never another workspace's.
import { parse } from 'tldts';
import { domainOf, slugify } from '../normalize.js';
import { sql, type Tx } from '../service/sql.js';
import { registryAliasSlugs } from './registry.js';

export interface SourceRef {
  id: number;
  name: string;
  created: boolean;
}

/** The workspace whose outlets a look-up sees besides the registry's; null: the registry's only. */
export type OutletScope = number | null;

type OutletInput = { name?: string | undefined; url?: string | undefined };

/** Registry and earlier articles know outlets under a slug; "The X" and "X" are the same outlet. */
export function candidateSlugs(name: string): string[] {
  const slug = slugify(name);
  const out = new Set([slug, slug.replace(/^the-/, ''), `the-${slug}`]);
  const alias = registryAliasSlugs().get(slug);
  if (alias) out.add(alias);
  return [...out];
}

/**
 * The host and its parents down to the registrable domain (Public Suffix List, private suffixes
 * included): a.b.cgtn.com → a.b.cgtn.com, b.cgtn.com, cgtn.com; victim.blogspot.com → itself only.
 * A public suffix itself (blogspot.com, co.uk) names no outlet: [].
 */
export function outletDomains(host: string): string[] {
  const p = parse(host, { allowPrivateDomains: true });
  if (p.isIp) return [host];
  if (!p.domain || !p.hostname) return [];
  const labels = p.hostname.split('.');
  const keep = p.domain.split('.').length;
  return labels.slice(0, labels.length - keep + 1).map((_, i) => labels.slice(i).join('.'));
}

const domainsOf = (ref: OutletInput) => {
  const host = ref.url ? domainOf(ref.url) : null;
  return host ? outletDomains(host) : [];
};

/** Rows the scope sees: its own outlets and the registry's (for a null scope, the registry's alone). */
const visible = (scope: OutletScope) => sql`("workspaceId" IS NULL OR "workspaceId" = ${scope}::int)`;

/** The outlet `ref` names, by domain first (the most specific match), then by name; null when unknown. */
export async function findSource(tx: Tx, scope: OutletScope, ref: OutletInput): Promise<SourceRef | null> {
  const domains = domainsOf(ref);
  if (domains.length) {
    // domains[] runs from the host to the registrable domain: the lowest position is the closest match.
    const [hit] = await tx.query<{ id: number; name: string }>(sql`
      SELECT id, name FROM "Source"
       WHERE ${visible(scope)} AND (domain = ANY(${domains}::text[]) OR domains && ${domains}::text[])
       ORDER BY (SELECT min(array_position(${domains}::text[], d)) FROM unnest(domains || domain) d), id LIMIT 1`);
    if (hit) return { ...hit, created: false };
  }
  const [byName] = await tx.query<{ id: number; name: string }>(sql`
    SELECT id, name FROM "Source" WHERE ${visible(scope)} AND slug = ANY(${candidateSlugs(outletName(ref))}::text[]) ORDER BY id LIMIT 1`);
  return byName ? { ...byName, created: false } : null;
}

const outletName = (ref: OutletInput) => ref.name?.trim() || (ref.url ? domainOf(ref.url) : null) || 'Unknown outlet';

/**
 * Source for an outlet named `name` and/or publishing at `url`, as the scope sees outlets. Matches a
 * known domain first, then a known name; otherwise creates the outlet in the scope (no labels). A
 * host that is a public suffix gives the new outlet no domain. Race-safe across concurrent transactions.
 */
export async function resolveSource(tx: Tx, scope: OutletScope, ref: OutletInput): Promise<SourceRef> {
  // The registry's slugs are unique only under the registry import's lock (there is no workspace to key them on).
  if (scope === null)
    await tx.query(sql`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('claimgraph:registry'))`);
  const known = await findSource(tx, scope, ref);
  if (known) return known;
  const domains = domainsOf(ref);
  const domain = domains[0] ?? null;
  const name = outletName(ref);
  const slug = candidateSlugs(name)[0]!;
  // The domain goes to the new outlet unless an outlet the scope sees already claims it. ON CONFLICT
  // DO NOTHING: another transaction may create the same outlet at the same moment.
  const inserted = await tx.query<{ id: number }>(sql`
    INSERT INTO "Source" ("workspaceId", slug, name, domain, domains)
    SELECT ${scope}::int, ${slug}, ${name},
           CASE WHEN EXISTS (SELECT 1 FROM "Source" WHERE ${visible(scope)} AND domain = ${domain}::text) THEN NULL ELSE ${domain}::text END,
           ${domain ? [domain] : []}::text[]
    ON CONFLICT DO NOTHING RETURNING id`);
  if (inserted[0]) return { id: inserted[0].id, name, created: true };
  const [again] = await tx.query<{ id: number; name: string }>(sql`
    SELECT id, name FROM "Source" WHERE ${visible(scope)} AND (slug = ${slug} OR domain = ${domain}::text) ORDER BY id LIMIT 1`);
  if (!again) throw new Error(`Outlet "${name}" could neither be created nor found.`);
  return { ...again, created: false };
}

/** Outlets the scope already knows under these names (one query); names not in the map need `resolveSource`. */
export async function knownSourcesByName(tx: Tx, scope: OutletScope, names: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(names)];
  if (!unique.length) return out;
  const slugsOf = new Map(unique.map((n) => [n, candidateSlugs(n)]));
  const rows = await tx.query<{ id: number; slug: string }>(sql`
    SELECT id, slug FROM "Source" WHERE ${visible(scope)} AND slug = ANY(${[...new Set([...slugsOf.values()].flat())]}::text[]) ORDER BY id`);
  const bySlug = new Map<string, number>();
  for (const r of rows) if (!bySlug.has(r.slug)) bySlug.set(r.slug, r.id);
  for (const [name, slugs] of slugsOf) {
    const ids = slugs.map((s) => bySlug.get(s)).filter((x): x is number => x !== undefined);
    if (ids.length) out.set(name, Math.min(...ids)); // as resolveSource: the oldest outlet wins
  }
  return out;
}
