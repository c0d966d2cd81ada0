export const typeDefs = /* GraphQL */ `
  """How a claim is asserted."""
  enum Modality {
    REPORTED
    ALLEGED
    CONFIRMED
    DENIED
    ADMITTED
    OPINION
    QUOTED_STATEMENT
  }

  """Whether a person reviewed the extracted claim."""
  enum ReviewStatus {
    UNREVIEWED
    VERIFIED
    REJECTED
  }

  """What a link of an attribution chain is."""
  enum AttributionKind {
    OUTLET
    PERSON
    ORGANIZATION
    OFFICIAL
    ANONYMOUS
    DOCUMENT
  }

  """An actor's part in a claim."""
  enum ClaimActorRole {
    SUBJECT
    OBJECT
    MENTIONED
  }

  """An assertion found in an article, with its exact evidence and who it is attributed to."""
  type Claim implements Node {
    """Global id."""
    id: ID!
    """Database id."""
    databaseId: Int!
    """The assertion, normalised (no lead-in, no quote marks)."""
    text: String!
    """The exact words in the article that carry the claim."""
    evidence: EvidenceSpan!
    """How the claim is asserted (reported, alleged, denied…)."""
    modality: Modality!
    """Review state."""
    reviewStatus: ReviewStatus!
    """Reviewer's note."""
    reviewNote: String
    """The article the claim was found in."""
    article: Article!
    """The article's outlet."""
    source: Source!
    """The event the claim concerns, if any."""
    event: Event
    """The cluster of claims stating the same thing across outlets, if any."""
    cluster: ClaimCluster
    """Who the claim is attributed to, outermost first: the outlet at position 0, then e.g. NBC News, then "two sources"."""
    attribution: [AttributionNode!]!
    """Actors the claim is about, with roles."""
    actors: [ClaimActorLink!]!
    """When the claim was stored."""
    createdAt: DateTime!
  }

  """A span of the article body."""
  type EvidenceSpan {
    """Start offset in UTF-16 code units."""
    start: Int!
    """End offset (exclusive)."""
    end: Int!
    """The body text between the offsets."""
    text: String!
  }

  """One link of an attribution chain."""
  type AttributionNode {
    """0 for the outlet, increasing inward."""
    position: Int!
    """What the link is."""
    kind: AttributionKind!
    """As named in the article, e.g. "NBC News" or "two sources with direct knowledge"."""
    label: String!
    """The actor, when the link is a known actor."""
    actor: Actor
    """The outlet, when the link is an outlet."""
    source: Source
  }

  """An actor a claim is about."""
  type ClaimActorLink {
    """The actor."""
    actor: Actor!
    """Their role in the claim."""
    role: ClaimActorRole!
  }

  """Claims that state the same thing across outlets."""
  type ClaimCluster implements Node {
    """Global id."""
    id: ID!
    """Database id."""
    databaseId: Int!
    """What the claims state."""
    summary: String!
    """The claims, oldest first; the first \`first\` (1–500)."""
    claims(first: Int = 100): [Claim!]!
  }

  """Which claims to list. Every condition is optional; they combine with AND."""
  input ClaimFilter {
    """About one of these actors (global ids)."""
    actorIds: [ID!]
    """About an actor with one of these names or aliases ("Qassem Soleimani", "Qasem Soleimani", "General Soleimani" all match)."""
    actorNames: [String!]
    """Carried by outlets with these bias labels."""
    biasLabels: [BiasLabelInput!]
    """ANY (default): the outlet has at least one of \`biasLabels\`; ALL: every one."""
    biasLabelMatch: BiasLabelMatch = ANY
    """Carried by one of these outlets (global ids)."""
    sourceIds: [ID!]
    """About one of these events (global ids)."""
    eventIds: [ID!]
    """Found in one of these articles (global ids)."""
    articleIds: [ID!]
    """In one of these clusters (global ids)."""
    clusterIds: [ID!]
    """With one of these modalities."""
    modalities: [Modality!]
    """On or after this date (of \`dateField\`)."""
    from: DateTime
    """Before this date (of \`dateField\`)."""
    to: DateTime
    """Whether \`from\`/\`to\` apply to the article's publication (default) or the event's date."""
    dateField: DateField = ARTICLE
    """true: only claims contradicted by another claim; false: only claims without contradictions."""
    hasContradictions: Boolean
    """Full-text query in web-search syntax ("four missiles", -drone, or). Results are ordered by relevance."""
    text: String
  }

  """A page of claims, with facet counts for the whole filter."""
  type ClaimConnection {
    """Claims on this page: newest publication first (the article's date; undated articles last), or by relevance when the filter has \`text\`."""
    edges: [ClaimEdge!]!
    """Paging information."""
    pageInfo: PageInfo!
    """
    Number of claims matching the filter: exact up to 10,000, PostgreSQL's estimate beyond that. \`count\` says which
    (\`count.value\` is the same number).
    """
    totalCount: Int!
    """How many claims match, and whether the number is exact or estimated."""
    count: ClaimCount!
    """Counts per bias label, outlet, actor and modality over the newest 10,000 claims matching the filter (all of them when fewer match)."""
    facets: ClaimFacets!
  }

  """
  How many claims match a filter. Counting stops after 10,000: below that the number is exact; above, \`value\` is
  PostgreSQL's planner estimate (never less than \`atLeast\`), so show it as e.g. "10,000+" or "about 52,000".
  """
  type ClaimCount {
    """The number of matching claims; an estimate when \`exact\` is false."""
    value: Int!
    """True when \`value\` was counted, false when it is estimated."""
    exact: Boolean!
    """Matching claims known to exist: \`value\` when exact, otherwise the counting limit + 1."""
    atLeast: Int!
  }

  """A claim with its cursor."""
  type ClaimEdge {
    """Pass as \`after\` to continue after this edge."""
    cursor: String!
    """The claim."""
    node: Claim!
    """Full-text rank when the filter has \`text\`, else null."""
    rank: Float
  }

  """
  Counts over the claims matching a filter (top 50 of each): over every matching claim when \`exact\` is true, else
  over the newest \`claimsCounted\` (10,000) of them, so large result sets stay fast.
  """
  type ClaimFacets {
    """True when every matching claim was counted."""
    exact: Boolean!
    """How many claims the counts below are over."""
    claimsCounted: Int!
    """Claims per outlet bias label."""
    biasLabels: [BiasLabelCount!]!
    """Claims per outlet."""
    sources: [SourceCount!]!
    """Claims per actor."""
    actors: [ActorCount!]!
    """Claims per modality."""
    modalities: [ModalityCount!]!
  }

  """Claims carried by one outlet."""
  type SourceCount {
    """The outlet."""
    source: Source!
    """Number of claims."""
    count: Int!
  }

  """Claims about one actor."""
  type ActorCount {
    """The actor."""
    actor: Actor!
    """Number of claims."""
    count: Int!
  }

  """Claims with one modality."""
  type ModalityCount {
    """The modality."""
    modality: Modality!
    """Number of claims."""
    count: Int!
  }

  extend type Query {
    """One claim by global id."""
    claim(id: ID!): Claim
    """The claims explorer: claims matching a filter, with facets."""
    claims(filter: ClaimFilter, first: Int = 20, after: String): ClaimConnection!
    """One cluster by global id."""
    cluster(id: ID!): ClaimCluster
  }

  extend type Article {
    """The claims found in the article, in text order; the first \`first\` (1–500)."""
    claims(first: Int = 100): [Claim!]!
  }

  extend type Event {
    """Claims about the event, newest publication first."""
    claims(first: Int = 20, after: String): ClaimConnection!
  }

  extend type Actor {
    """Claims about the actor, newest publication first; add a filter to narrow further."""
    claims(filter: ClaimFilter, first: Int = 20, after: String): ClaimConnection!
  }

  """One link of a corrected attribution chain, outermost (the outlet) first."""
  input AttributionInput {
    """What kind of source this link is."""
    kind: AttributionKind!
    """The words naming it, e.g. "a senior official"."""
    label: String!
    """The actor it is, when known (an Actor id of your workspace)."""
    actorId: ID
    """The outlet it is, when it is one (a Source id)."""
    sourceId: ID
  }

  """An actor a claim is about, with its role in the claim."""
  input ClaimActorInput {
    """An Actor id of your workspace."""
    actorId: ID!
    """Subject, object or merely mentioned."""
    role: ClaimActorRole!
  }

  """What to correct in a claim; omitted fields stay as they are. Corrections survive re-extraction."""
  input CorrectClaimInput {
    """The claim's corrected wording."""
    text: String
    """The corrected modality (reported, alleged, denied…)."""
    modality: Modality
    """The whole corrected attribution chain (replaces the extracted one)."""
    attribution: [AttributionInput!]
    """The whole corrected list of actors (replaces the extracted one)."""
    actors: [ClaimActorInput!]
  }

  """Result of a claim correction or review: exactly one of \`ok\` and \`error\` is set."""
  type ClaimPayload {
    """The claim after the change."""
    ok: Claim
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  extend type Mutation {
    """Corrects a claim's text, modality, chain or actors. Stored as corrections, re-applied after re-extraction. Requires EDITOR."""
    correctClaim(id: ID!, input: CorrectClaimInput!): ClaimPayload!
    """Marks a claim verified or rejected (or back to unreviewed) with a note. Requires EDITOR."""
    reviewClaim(id: ID!, status: ReviewStatus!, note: String): ClaimPayload!
  }
`;
