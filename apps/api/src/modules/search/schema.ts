export const typeDefs = /* GraphQL */ `
  """What matched a search, per kind, best first."""
  type SearchResults {
    """Claims whose text matches (full-text, ranked)."""
    claims: [Claim!]!
    """Actors whose name or an alias contains the text."""
    actors: [Actor!]!
    """Events whose summary or place matches."""
    events: [Event!]!
    """Articles whose title or body matches (full-text, ranked)."""
    articles: [Article!]!
  }

  extend type Query {
    """Searches claims, actors, events and articles at once; \`first\` (1–50) results of each kind."""
    search(text: String!, first: Int = 10): SearchResults!
  }
`;
