export const typeDefs = /* GraphQL */ `
  """What sort of actor."""
  enum ActorKind {
    PERSON
    ORGANIZATION
    STATE
    ARMED_GROUP
    COMPANY
    MEDIA
    OTHER
  }

  """How an alias relates to the canonical name."""
  enum AliasKind {
    CANONICAL
    VARIANT
    SURNAME
    ACRONYM
    TITLE
    DEMONYM
    CAPITAL
    TYPO
    OTHER
  }

  """A person, organisation, state, armed group, company or outlet that claims are about or attributed to."""
  type Actor implements Node {
    """Global id."""
    id: ID!
    """Database id."""
    databaseId: Int!
    """The name all aliases resolve to, e.g. "Qassem Soleimani"."""
    canonicalName: String!
    """What sort of actor."""
    kind: ActorKind!
    """Every spelling seen for this actor ("Qasem Soleimani", "General Soleimani", "Soleimani"); the first \`first\` (1–500)."""
    aliases(first: Int = 100): [ActorAlias!]!
    """Number of claims about this actor."""
    claimCount: Int!
  }

  """One way an actor is named."""
  type ActorAlias {
    """As written."""
    alias: String!
    """Folded form used for alias-aware matching (lower case, no accents or punctuation)."""
    normalized: String!
    """How the alias relates to the canonical name."""
    kind: AliasKind!
    """Language of the alias, when known."""
    language: String
  }

  """A page of actors."""
  type ActorConnection {
    """Actors on this page, most-cited first (by \`claimCount\`), then newest."""
    edges: [ActorEdge!]!
    """Paging information."""
    pageInfo: PageInfo!
    """Number of actors matching the filter."""
    totalCount: Int!
  }

  """An actor with its cursor."""
  type ActorEdge {
    """Pass as \`after\` to continue after this edge."""
    cursor: String!
    """The actor."""
    node: Actor!
  }

  """Which actors to list."""
  input ActorFilter {
    """Canonical name or any alias contains this text (accent- and case-insensitive)."""
    name: String
    """Only these kinds."""
    kinds: [ActorKind!]
  }

  extend type Query {
    """One actor by global id."""
    actor(id: ID!): Actor
    """Actors, most-cited first (by \`claimCount\`), then newest."""
    actors(filter: ActorFilter, first: Int = 20, after: String): ActorConnection!
  }
`;
