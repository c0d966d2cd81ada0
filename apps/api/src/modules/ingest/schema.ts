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
    """The article's stored claims, in text order."""
    claims: [Claim!]!
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

  extend type Mutation {
    """Extracts and stores one article now, returning the extraction. Requires the EDITOR role."""
    ingestArticle(input: IngestArticleInput!): IngestArticlePayload!
    """Queues up to 1000 articles for the ingestion worker. Requires the EDITOR role."""
    enqueueArticles(inputs: [IngestArticleInput!]!): EnqueueArticlesPayload!
  }
`;
