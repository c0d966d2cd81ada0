export const typeDefs = /* GraphQL */ `
  """Who owns an outlet."""
  enum Ownership {
    STATE
    PUBLIC
    PRIVATE
    UNKNOWN
  }

  """A news outlet: the workspace's own (found by its ingestion) or one of the shared starter registry (read-only reference data every workspace sees)."""
  type Source implements Node {
    """Global id."""
    id: ID!
    """Database id."""
    databaseId: Int!
    """Normalised key, e.g. "cgtn"."""
    slug: String!
    """Display name, e.g. "CGTN"."""
    name: String!
    """Main web domain."""
    domain: String
    """Every domain the outlet publishes under."""
    domains: [String!]!
    """ISO country code of the outlet's home, when known."""
    country: String
    """Who owns the outlet."""
    ownership: Ownership!
    """Current (not retired) bias labels from the shared registry and your workspace, each with its provenance."""
    labels: [BiasLabel!]!
  }

  """One rater's label for one outlet, with provenance. Labels of different raters are never averaged."""
  type BiasLabel implements Node {
    """Global id."""
    id: ID!
    """Database id."""
    databaseId: Int!
    """Label scheme, e.g. lean, state-affiliated, alignment, ownership."""
    scheme: String!
    """Label value, e.g. right, China, pro-Israel."""
    value: String!
    """Who asserts the label: a rating organisation, a public register or a workspace editor."""
    rater: String!
    """When the rater asserted it."""
    assertedAt: DateTime
    """Where the rater's assertion can be read."""
    url: String
    """Free-text justification."""
    note: String
    """True for the shared starter registry, false for your workspace's own labels."""
    shared: Boolean!
    """The labelled outlet."""
    source: Source!
  }

  """A page of outlets."""
  type SourceConnection {
    """The outlets on this page, alphabetical by name."""
    edges: [SourceEdge!]!
    """Paging information."""
    pageInfo: PageInfo!
    """Number of outlets matching the filter."""
    totalCount: Int!
  }

  """An outlet with its cursor."""
  type SourceEdge {
    """Pass as \`after\` to continue after this edge."""
    cursor: String!
    """The outlet."""
    node: Source!
  }

  """Which outlets to list."""
  input SourceFilter {
    """Name, slug or domain contains this text (case-insensitive)."""
    text: String
    """Outlets with these bias labels."""
    biasLabels: [BiasLabelInput!]
    """Whether an outlet needs ANY (default) or ALL of \`biasLabels\`."""
    biasLabelMatch: BiasLabelMatch = ANY
    """Outlets with one of these ownerships."""
    ownership: [Ownership!]
  }

  extend type Query {
    """One outlet by global id."""
    source(id: ID!): Source
    """Outlets, alphabetical by name."""
    sources(filter: SourceFilter, first: Int = 20, after: String): SourceConnection!
    """Every bias label in use (shared registry and your workspace), with how many outlets carry it."""
    biasLabels: [BiasLabelCount!]!
  }

  """A workspace's own label for an outlet, with provenance."""
  input AddLabelInput {
    """The outlet (a Source id)."""
    sourceId: ID!
    """Label scheme, e.g. lean, state-affiliated, alignment."""
    scheme: String!
    """Label value, e.g. "Iran" or "right"."""
    value: String!
    """Who asserts it (a rating organisation or register); your email when omitted."""
    rater: String
    """Where the rating is published."""
    url: String
    """Why, or any caveat."""
    note: String
    """When the rater asserted it."""
    assertedAt: DateTime
  }

  """New values for a workspace label; omitted fields stay."""
  input ChangeLabelInput {
    """New value."""
    value: String
    """New rater."""
    rater: String
    """New provenance URL."""
    url: String
    """New note."""
    note: String
    """New assertion date."""
    assertedAt: DateTime
  }

  """Result of a label change: exactly one of \`ok\` and \`error\` is set."""
  type BiasLabelPayload {
    """The label after the change."""
    ok: BiasLabel
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  extend type Mutation {
    """Adds a workspace label to an outlet, with provenance. Requires EDITOR."""
    addLabel(input: AddLabelInput!): BiasLabelPayload!
    """Changes a workspace label (shared starter labels are read-only). Requires EDITOR."""
    changeLabel(id: ID!, input: ChangeLabelInput!): BiasLabelPayload!
    """Retires a workspace label: it stops counting in filters but stays on record. Requires EDITOR."""
    retireLabel(id: ID!, note: String): BiasLabelPayload!
  }
`;
