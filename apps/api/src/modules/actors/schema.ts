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

  """How to split an actor: the aliases (and optionally claims) that belong to a different actor."""
  input SplitActorInput {
    """Canonical name of the new actor."""
    canonicalName: String!
    """Kind of the new actor; the original's kind when omitted."""
    kind: ActorKind
    """Aliases of the original actor that move to the new one (as shown in Actor.aliases)."""
    aliases: [String!]!
    """Claims whose links to the original actor move to the new one."""
    claimIds: [ID!]
  }

  """Result of an actor merge or split: exactly one of \`ok\` and \`error\` is set."""
  type ActorPayload {
    """The surviving actor (merge) or the new actor (split)."""
    ok: Actor
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  extend type Mutation {
    """Merges actors into one: their aliases move to it and their claims follow. Requires EDITOR."""
    mergeActors(into: ID!, actorIds: [ID!]!): ActorPayload!
    """Splits aliases (and claims) off an actor into a new actor. Requires EDITOR."""
    splitActor(id: ID!, input: SplitActorInput!): ActorPayload!
  }
`;
