export const typeDefs = /* GraphQL */ `
  """How two claims relate."""
  enum RelationKind {
    """They state the same thing."""
    SAME_AS
    """They state the same thing: both are in one claim cluster (membership, not a stored relation)."""
    CORROBORATES
    """They disagree on a slot (count, time, date, agent, role)."""
    CONTRADICTS
  }

  """A stored relation between claims of different articles (a contradiction or SAME_AS), with why it was drawn."""
  type ClaimRelation implements Node {
    """Global id."""
    id: ID!
    """Database id."""
    databaseId: Int!
    """How the claims relate."""
    kind: RelationKind!
    """Why, e.g. "4 vs 2 missiles"."""
    reason: String!
    """What the claims disagree on (count, time, date, agent, role); empty unless kind is CONTRADICTS."""
    slot: String!
    """The first claim's value for the slot."""
    fromValue: String
    """The second claim's value for the slot."""
    toValue: String
    """The first claim (with its attribution chain)."""
    from: Claim!
    """The second claim (with its attribution chain)."""
    to: Claim!
  }

  """A claim related to another one, seen from that other claim."""
  type RelatedClaim {
    """The stored relation; null for a corroboration, which is membership of one cluster."""
    relation: ClaimRelation
    """The claim on the other side."""
    claim: Claim!
    """How they relate."""
    kind: RelationKind!
    """Why: the relation's reason, or for a corroboration why the other claim joined the cluster."""
    reason: String!
    """The slot they disagree on; empty unless CONTRADICTS."""
    slot: String!
    """This claim's value for the slot."""
    value: String
    """The other claim's value for the slot."""
    otherValue: String
  }

  """A page of claim relations."""
  type ClaimRelationConnection {
    """Relations on this page, newest first."""
    edges: [ClaimRelationEdge!]!
    """Paging information."""
    pageInfo: PageInfo!
    """Number of relations matching."""
    totalCount: Int!
  }

  """A relation with its cursor."""
  type ClaimRelationEdge {
    """Pass as \`after\` to continue after this edge."""
    cursor: String!
    """The relation."""
    node: ClaimRelation!
  }

  extend type Claim {
    """Claims of other articles that state the same thing or contradict this one: stored relations first, then the other articles' claims of its cluster (CORROBORATES); the first \`first\` (1–500)."""
    related(kinds: [RelationKind!], first: Int = 100): [RelatedClaim!]!
    """True when another claim contradicts this one."""
    hasContradictions: Boolean!
  }

  extend type Query {
    """Contradicting claim pairs where either claim matches the filter: slot, both values, both claims and chains."""
    contradictions(filter: ClaimFilter, first: Int = 20, after: String): ClaimRelationConnection!
    """One relation by global id."""
    relation(id: ID!): ClaimRelation
  }
`;
