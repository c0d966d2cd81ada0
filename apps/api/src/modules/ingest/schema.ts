export const typeDefs = /* GraphQL */ `
  """Format of submitted article text."""
  enum ArticleFormat {
    TEXT
    HTML
  }

  """An article to ingest."""
  input IngestArticleInput {
    """Plain text or HTML of the article (at most 2 MB)."""
    text: String!
    """Force the format; detected from the content when absent."""
    format: ArticleFormat
    """Where the article was published."""
    url: String
    """The outlet's name, e.g. "CGTN"; matched against the outlet registry."""
    outlet: String
    """ISO date or date-time of publication, when known from outside the text."""
    publishedAt: String
    """BCP 47 language tag, e.g. "en"."""
    language: String
  }

  """What one ingest stored."""
  type IngestArticleResult {
    """The stored article (the existing one when the text was already ingested)."""
    article: Article!
    """False when an identical article already existed and nothing new was written."""
    created: Boolean!
    """What the extractor found."""
    extraction: ExtractionSummary!
  }

  """A summary of one extraction, with the stored claims."""
  type ExtractionSummary {
    """Version of the extractor."""
    extractorVersion: String!
    """Headline the extractor found."""
    title: String
    """Non-fatal problems."""
    warnings: [String!]!
    """The article's stored claims, in text order; the first \`first\` (1–500) of \`claimCount\`."""
    claims(first: Int = 100): [Claim!]!
    """Number of claims."""
    claimCount: Int!
    """Number of distinct actors found."""
    actorCount: Int!
    """Number of events found."""
    eventCount: Int!
  }

  """Result of \`ingestArticle\`: exactly one of \`ok\` and \`error\` is set."""
  type IngestArticlePayload {
    """Set on success."""
    ok: IngestArticleResult
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  """Whether an article was put on the queue."""
  enum EnqueueStatus {
    """A new job was queued."""
    QUEUED
    """The same text is already waiting or running; nothing new was queued."""
    ALREADY_QUEUED
  }

  """One article of an \`enqueueArticles\` call."""
  type EnqueuedArticle {
    """Position in the \`inputs\` list."""
    index: Int!
    """What happened."""
    status: EnqueueStatus!
    """Queue job id when a job was queued."""
    jobId: String
    """sha256 of the normalised text (the dedupe key)."""
    contentHash: String!
  }

  """Jobs queued by \`enqueueArticles\`."""
  type EnqueueArticlesResult {
    """One entry per input, in input order."""
    jobs: [EnqueuedArticle!]!
    """Number of new jobs queued."""
    count: Int!
  }

  """Result of \`enqueueArticles\`: exactly one of \`ok\` and \`error\` is set."""
  type EnqueueArticlesPayload {
    """Set on success."""
    ok: EnqueueArticlesResult
    """Set on an expected failure; nothing was queued."""
    error: UserError
  }

  """What the extractor finds in an article, before anything is stored."""
  type ExtractionPreview {
    """Version of the extractor."""
    extractorVersion: String!
    """Headline the extractor found."""
    title: String
    """Language tag, given or detected."""
    language: String
    """ISO publication date, given or stated in the text."""
    publishedAt: String
    """Non-fatal problems."""
    warnings: [String!]!
    """The stored article with the same text or URL, when there is one: saving would store nothing new."""
    duplicateOf: Article
    """Actors found, in order of first mention (at most 300)."""
    actors: [PreviewActor!]!
    """Events found (at most 300)."""
    events: [PreviewEvent!]!
    """Claims found, in text order, with their attribution chains (at most 300: saving stores them all)."""
    claims: [PreviewClaim!]!
  }

  """An actor of a preview (not stored; matched to existing actors only when saved)."""
  type PreviewActor {
    """Key within this extraction, e.g. "a0"."""
    key: String!
    """Canonical name."""
    name: String!
    """What kind of actor."""
    kind: ActorKind!
    """Other names the text uses."""
    aliases: [String!]!
    """Times the text mentions the actor."""
    mentionCount: Int!
  }

  """An actor's part in a previewed event."""
  type PreviewEventActor {
    """The actor's canonical name."""
    name: String!
    """Its role."""
    role: EventRole!
  }

  """An event of a preview."""
  type PreviewEvent {
    """Key within this extraction."""
    key: String!
    """What happened."""
    type: EventType!
    """One-line summary."""
    summary: String!
    """ISO date or date-time, when the text allows one."""
    date: String
    """How precise the date is."""
    datePrecision: DatePrecision!
    """Where, when stated."""
    place: String
    """A historical reference rather than the news itself."""
    background: Boolean!
    """Actors and their roles."""
    actors: [PreviewEventActor!]!
  }

  """An actor a previewed claim is about."""
  type PreviewClaimActor {
    """The actor's canonical name."""
    name: String!
    """Its role in the claim."""
    role: ClaimActorRole!
  }

  """One link of a previewed attribution chain."""
  type PreviewChainLink {
    """What the link is."""
    kind: AttributionKind!
    """As named in the article."""
    label: String!
  }

  """A claim of a preview."""
  type PreviewClaim {
    """Key within this extraction (stable for the same text and extractor version)."""
    key: String!
    """The assertion, normalised."""
    text: String!
    """How it is asserted."""
    modality: Modality!
    """The article text the claim was found in."""
    evidence: String!
    """Who said it, outermost first (the outlet at position 0)."""
    attribution: [PreviewChainLink!]!
    """Actors the claim is about."""
    actors: [PreviewClaimActor!]!
    """Summary of the claim's event, when it has one."""
    event: String
  }

  """Result of \`previewArticle\`: exactly one of \`ok\` and \`error\` is set."""
  type PreviewArticlePayload {
    """Set on success."""
    ok: ExtractionPreview
    """Set when the input is invalid or the extractor refuses it (the codes \`ingestArticle\` would give)."""
    error: UserError
  }

  """Where a queued ingest job is."""
  enum IngestJobState {
    """Waiting for a worker."""
    QUEUED
    """A worker is extracting and storing it."""
    ACTIVE
    """An attempt failed unexpectedly; it will be tried again."""
    RETRYING
    """Stored (or recognised as already stored)."""
    COMPLETED
    """Not stored: the article was rejected, or every attempt failed; see \`error\`."""
    FAILED
    """Cancelled before it ran."""
    CANCELLED
  }

  """One queued article (a job of \`enqueueArticles\`)."""
  type IngestJob {
    """The job id \`enqueueArticles\` returned."""
    id: ID!
    """Where the job is."""
    state: IngestJobState!
    """The stored article, once COMPLETED."""
    article: Article
    """Once COMPLETED: true when new, false when the same text or URL was already stored."""
    created: Boolean
    """Claims stored, when COMPLETED with a new article."""
    claimCount: Int
    """Why it FAILED (or why the last attempt of a RETRYING job failed)."""
    error: UserError
    """Attempts started so far."""
    attempts: Int!
    """When it was queued."""
    createdAt: DateTime!
    """When the last attempt started."""
    startedAt: DateTime
    """When it finished."""
    completedAt: DateTime
  }

  extend type Query {
    """The jobs with these ids (at most 1000) in the viewer's workspace, in the order given; unknown ids are left out. Requires the EDITOR role."""
    ingestJobs(ids: [ID!]!): [IngestJob!]!
    """Validates and extracts one article without storing anything (same checks as \`ingestArticle\`). Requires the EDITOR role."""
    previewArticle(input: IngestArticleInput!): PreviewArticlePayload!
    """How many articles of the viewer's workspace are written but not yet linked to the other articles (queued or running link jobs): until they are, relations, clusters and contradictions may still change."""
    articlesLinking: Int!
  }

  extend type Mutation {
    """Extracts and stores one article now, returning the extraction. Requires the EDITOR role."""
    ingestArticle(input: IngestArticleInput!): IngestArticlePayload!
    """Queues up to 1000 articles for the ingestion worker. Requires the EDITOR role."""
    enqueueArticles(inputs: [IngestArticleInput!]!): EnqueueArticlesPayload!
  }
`;
