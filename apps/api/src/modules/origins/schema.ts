export const typeDefs = /* GraphQL */ `
  extend type Article {
    """The earliest-published article of this one's near-duplicate group, the story it republishes (a wire story under a new headline, lightly edited or trimmed); null when this article is an origin itself or has no near-duplicate."""
    origin: Article
    """Articles found to republish this one, earliest published first (the first \`first\`, 1–100); empty unless this article is an origin."""
    copies(first: Int = 20): [Article!]!
  }

  extend type Coverage {
    """How widely the considered claims are carried, counting republished copies of one story once."""
    reach: CoverageReach!
  }

  """Articles, outlets and independent origins carrying a coverage's claims."""
  type CoverageReach {
    """Articles carrying at least one of the claims."""
    articles: Int!
    """Outlets carrying at least one of the claims."""
    outlets: Int!
    """Independent origins among those articles: an article and its near-duplicates (republished copies) count as one."""
    origins: Int!
  }
`;
