export const typeDefs = /* GraphQL */ `
  """A feed the workspace follows (RSS, Atom or a news sitemap), polled on a schedule by the ingestion worker."""
  type Feed {
    """Opaque id: pass it to pauseFeed and removeFeed."""
    id: ID!
    """The feed's address as followed."""
    url: String!
    """RSS, ATOM or SITEMAP once the first poll succeeded; null before."""
    kind: FeedKind
    """The feed's own title, once read."""
    title: String
    """Minutes between polls (jittered by ±10 %)."""
    intervalMinutes: Int!
    """Paused feeds are not polled."""
    paused: Boolean!
    """When the feed was added."""
    createdAt: DateTime!
    """When the next poll is due (later while backing off after failures)."""
    nextFetchAt: DateTime!
    """When the feed was last polled, successfully or not."""
    lastFetchedAt: DateTime
    """HTTP status of the last answer (304: unchanged, fetched with one conditional request)."""
    lastStatus: Int
    """Why the last poll failed, e.g. NOT_A_FEED, INVALID_XML, HTTP_STATUS, TOO_LARGE, BLOCKED_ADDRESS; null after a good poll."""
    lastErrorCode: String
    """The failure in one sentence."""
    lastError: String
    """Polls failed in a row; each doubles the wait before the next."""
    failures: Int!
    """Items the feed has listed so far."""
    itemsSeen: Int!
    """Articles ingested from those items."""
    articlesIngested: Int!
  }

  """What a feed turned out to be."""
  enum FeedKind {
    """RSS 2.0 or RSS 1.0 (RDF)."""
    RSS
    """Atom 1.0."""
    ATOM
    """A (news) sitemap: \`urlset\` with \`news:news\` entries."""
    SITEMAP
  }

  """A feed to follow."""
  input AddFeedInput {
    """The feed's http(s) address."""
    url: String!
    """Minutes between polls, 5 to 10080; default 15."""
    intervalMinutes: Int
  }

  """Result of a feed mutation: exactly one of \`feed\` and \`error\` is set."""
  type FeedPayload {
    """The feed as it is now."""
    feed: Feed
    """Set on an expected failure (INVALID_URL, INVALID_INTERVAL, ALREADY_FOLLOWED, TOO_MANY_FEEDS, NOT_FOUND); nothing changed."""
    error: UserError
  }

  """Result of \`removeFeed\`."""
  type RemoveFeedPayload {
    """True when the feed was removed."""
    removed: Boolean!
    """Set when there was no such feed in this workspace."""
    error: UserError
  }

  extend type Query {
    """The feeds this workspace follows (at most 500), oldest first."""
    feeds: [Feed!]!
  }

  extend type Mutation {
    """Follow a feed (editors). It is first polled within a minute by the ingestion worker."""
    addFeed(input: AddFeedInput!): FeedPayload!
    """Pause or resume a feed (editors); a resumed feed is polled at once."""
    pauseFeed(id: ID!, paused: Boolean! = true): FeedPayload!
    """Stop following a feed (editors); the articles it brought stay."""
    removeFeed(id: ID!): RemoveFeedPayload!
    """
    Fetch one article page and ingest it (editors): fetched politely (robots.txt, per-host delay) and only from
    public addresses, its text read with Readability, its title, byline, date, canonical URL and language kept.
    """
    fetchArticleUrl(url: String!): IngestArticlePayload!
  }
`;
