// The extractor's input and output: the contract between packages/extract, ingestion, the API and the web.
// All offsets are UTF-16 code units into `ExtractionResult.body` (the cleaned text), end exclusive.

export const ACTOR_KINDS = ['PERSON', 'ORGANIZATION', 'STATE', 'ARMED_GROUP', 'COMPANY', 'MEDIA', 'OTHER'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ALIAS_KINDS = [
  'CANONICAL',
  'VARIANT',
  'SURNAME',
  'ACRONYM',
  'TITLE',
  'DEMONYM',
  'CAPITAL',
  'TYPO',
  'OTHER',
] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

export const EVENT_TYPES = [
  'ATTACK',
  'STRIKE',
  'KILLING',
  'MEETING',
  'STATEMENT',
  'COORDINATION',
  'PROTEST',
  'CRASH',
  'INVESTIGATION',
  'OTHER',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_ROLES = ['AGENT', 'TARGET', 'VICTIM', 'LOCATION_OWNER', 'PARTICIPANT'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

export const DATE_PRECISIONS = ['EXACT', 'DAY', 'MONTH', 'YEAR', 'APPROXIMATE', 'UNKNOWN'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const MODALITIES = [
  'REPORTED',
  'ALLEGED',
  'CONFIRMED',
  'DENIED',
  'ADMITTED',
  'OPINION',
  'QUOTED_STATEMENT',
] as const;
export type Modality = (typeof MODALITIES)[number];

export const ATTRIBUTION_KINDS = ['OUTLET', 'PERSON', 'ORGANIZATION', 'OFFICIAL', 'ANONYMOUS', 'DOCUMENT'] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

export const CLAIM_ACTOR_ROLES = ['SUBJECT', 'OBJECT', 'MENTIONED'] as const;
export type ClaimActorRole = (typeof CLAIM_ACTOR_ROLES)[number];

export const RELATION_KINDS = ['SAME_AS', 'CORROBORATES', 'CONTRADICTS'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** What an ingest knows about an article besides its text. */
export interface ArticleMeta {
  url?: string;
  /** The outlet's display name, e.g. "CGTN". */
  outlet?: string;
  /** ISO date or date-time the outlet published the article, when known from outside the text. */
  publishedAt?: string;
  /** BCP 47 language tag, e.g. "en". */
  language?: string;
}

export interface ExtractInput extends ArticleMeta {
  /** Plain text or HTML. */
  text: string;
  /** Force the format; detected from the content when absent. */
  format?: 'text' | 'html';
}

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
}

export interface Mention extends Span {
  text: string;
}

export interface ExtractedAlias {
  alias: string;
  kind: AliasKind;
}

export interface ExtractedActor {
  /** Index-stable local id within one extraction result, e.g. "a0". */
  key: string;
  canonicalName: string;
  kind: ActorKind;
  aliases: ExtractedAlias[];
  mentions: Mention[];
}

export interface ExtractedDate {
  /** ISO date (YYYY-MM-DD) or date-time when resolved; null when the text allows no absolute date. */
  value: string | null;
  precision: DatePrecision;
  /** The words the article used ("on Saturday", "five days earlier"). */
  text: string | null;
}

export interface ExtractedEvent {
  key: string;
  type: EventType;
  summary: string;
  date: ExtractedDate;
  place: string | null;
  /** The sentence-level text the event was found in. */
  surface: Mention;
  actors: { actorKey: string; role: EventRole }[];
  /** Historical reference (e.g. a decades-old crisis) rather than the news itself. */
  background: boolean;
}

export interface AttributionNode {
  kind: AttributionKind;
  /** As named: canonical name for named sources, the text's words for unnamed ones. */
  label: string;
  /** Set when the node is an actor of this result. */
  actorKey?: string;
  /** Set when the node is the article's outlet or a cited outlet. */
  outlet?: string;
}

export interface ExtractedClaim {
  /** Stable across runs of the same extractor version on the same text: derived from the evidence span. */
  key: string;
  /** The assertion, normalised (no lead-in, no quote marks). */
  text: string;
  evidence: Span;
  /** Outermost first: the article's outlet at position 0. */
  attribution: AttributionNode[];
  modality: Modality;
  actors: { actorKey: string; role: ClaimActorRole }[];
  eventKey: string | null;
  /** Slot values the comparison uses (counts, times, dates, agents, roles), filled by the extractor. */
  slots: ClaimSlot[];
}

export interface ClaimSlot {
  /** count | time | date | agent | role | place */
  slot: string;
  /** What is measured, normalised ("missile", "strike time"). */
  subject: string;
  value: string;
  /** Surface text the value came from. */
  text: string;
}

export interface ExtractionResult {
  extractorVersion: string;
  /** Cleaned body: offsets everywhere point into it. */
  body: string;
  /** Lines removed as site chrome, share bars, captions. */
  removedLines: string[];
  title: string | null;
  /** ISO date stated by the text (or given in meta), with precision. */
  published: ExtractedDate | null;
  language: string | null;
  sentences: Sentence[];
  actors: ExtractedActor[];
  events: ExtractedEvent[];
  claims: ExtractedClaim[];
  /** Non-fatal problems (e.g. "published date is in the future"). */
  warnings: string[];
}

// --- Comparison across articles ---

/** A claim as the comparison sees it: its article and outlet, plus the extracted claim. */
export interface ComparableClaim {
  /** Caller's id for the claim (a database id, or "file#index"). */
  id: string;
  articleId: string;
  outlet: string;
  claim: ExtractedClaim;
  /** Canonical names of the claim's actors (so claims of different results can be compared). */
  actorNames: string[];
  /** The claim's event, when known. */
  event: { type: EventType; date: string | null } | null;
  /**
   * Day (YYYY-MM-DD) the claim's article was published, when known. Claims of articles published far
   * apart are linked only when both are about the same dated happening; absent, time cannot rule a pair out.
   */
  published?: string | null;
}

export interface ClaimRelationResult {
  fromId: string;
  toId: string;
  kind: RelationKind;
  reason: string;
  /** Empty unless kind is CONTRADICTS. */
  slot: string;
  fromValue: string | null;
  toValue: string | null;
}

export interface ComparisonResult {
  /** Groups of claim ids that state the same thing. */
  clusters: string[][];
  relations: ClaimRelationResult[];
}

/** Codes of the extractor's typed errors. */
export const EXTRACT_ERROR_CODES = [
  'EMPTY_TEXT',
  'TOO_LARGE',
  'BINARY_CONTENT',
  'NO_SENTENCES',
  'INVALID_INPUT',
] as const;
export type ExtractErrorCode = (typeof EXTRACT_ERROR_CODES)[number];
