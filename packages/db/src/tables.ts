/**
 * The tables ingestion writes, parents before children (the order `COPY … FROM` into an empty schema needs).
 * Tests and benchmarks compare, count and copy these; outlets (`Source`, `BiasLabel`) and the team tables are
 * named beside them where they matter.
 */
export const RESEARCH_TABLES = [
  'Article',
  'Actor',
  'ActorAlias',
  'Event',
  'EventActor',
  'EventMention',
  'ClaimCluster',
  'Claim',
  'ClaimAttribution',
  'ClaimActor',
  'ClaimRelation',
] as const;
