export const typeDefs = /* GraphQL */ `
  """One published piece of one outlet, as ingested."""
  type Article implements Node {
    """Global id."""
    id: ID!
    """Database id."""
    databaseId: Int!
    """Where it was fetched or published."""
    url: String
    """Canonical URL (dedup key within a workspace)."""
    canonicalUrl: String
    """Headline."""
    title: String
    """When the outlet published it."""
    publishedAt: DateTime
    """How exact \`publishedAt\` is."""
    publishedPrecision: DatePrecision!
    """BCP 47 language tag."""
    language: String
    """Cleaned body text; claim evidence offsets are UTF-16 code units into it."""
    body: String!
    """Lines the cleaner removed (site chrome, captions), kept for review."""
    removedLines: [String!]!
    """Version of the extractor that produced this article's claims."""
    extractorVersion: String!
    """Non-fatal problems the extractor reported."""
    warnings: [String!]!
    """When it was ingested."""
    ingestedAt: DateTime!
    """The outlet that published it."""
    source: Source!
  }

  """A page of articles."""
  type ArticleConnection {
    """Articles on this page: newest ingested first, or by relevance when filtering by text."""
    edges: [ArticleEdge!]!
    """Paging information."""
    pageInfo: PageInfo!
    """Number of articles matching the filter."""
    totalCount: Int!
  }

  """An article with its cursor."""
  type ArticleEdge {
    """Pass as \`after\` to continue after this edge."""
    cursor: String!
    """The article."""
    node: Article!
    """Full-text rank when filtering by text, else null."""
    rank: Float
  }

  """Which articles to list. Conditions combine with AND."""
  input ArticleFilter {
    """Published by one of these outlets (global ids)."""
    sourceIds: [ID!]
    """Published by outlets with these bias labels."""
    biasLabels: [BiasLabelInput!]
    """ANY (default) or ALL of \`biasLabels\`."""
    biasLabelMatch: BiasLabelMatch = ANY
    """Has a claim about one of these actors (global ids)."""
    actorIds: [ID!]
    """Has a claim about an actor with one of these names or aliases."""
    actorNames: [String!]
    """Reports one of these events (global ids)."""
    eventIds: [ID!]
    """Published at or after."""
    from: DateTime
    """Published before."""
    to: DateTime
    """Full-text query (web-search syntax: "quoted phrase", -exclude, or). Orders by relevance."""
    text: String
  }

  extend type Query {
    """One article by global id."""
    article(id: ID!): Article
    """Articles matching a filter."""
    articles(filter: ArticleFilter, first: Int = 20, after: String): ArticleConnection!
  }
`;
