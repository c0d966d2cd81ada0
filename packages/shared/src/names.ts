/**
 * Lower-cased, accent- and punctuation-folded form of a name. Ingestion stores it in ActorAlias.normalized
 * and the API looks names up by it, so both must fold names the same way.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
