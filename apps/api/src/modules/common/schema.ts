export const typeDefs = /* GraphQL */ `
  """An ISO-8601 date-time in UTC, e.g. 2020-01-03T00:00:00.000Z. Inputs also accept a plain date (2020-01-03)."""
  scalar DateTime

  """Anything with a global id that \`node(id)\` can fetch."""
  interface Node {
    """Global id: base64 of "Type:databaseId". Stable; pass it to \`node(id)\` or to filters."""
    id: ID!
  }

  """Where a page of a connection sits in the whole list."""
  type PageInfo {
    """True when another page follows; pass \`endCursor\` as \`after\` to get it."""
    hasNextPage: Boolean!
    """True when this page was requested with \`after\`."""
    hasPreviousPage: Boolean!
    """Cursor of the first edge on this page."""
    startCursor: String
    """Cursor of the last edge on this page."""
    endCursor: String
  }

  """How several bias-label conditions combine."""
  enum BiasLabelMatch {
    """The outlet carries at least one of the labels."""
    ANY
    """The outlet carries every one of the labels."""
    ALL
  }

  """A bias-label condition: a scheme (lean, state-affiliated, alignment, ownership…) and optionally one value."""
  input BiasLabelInput {
    """Label scheme, e.g. "state-affiliated" or "lean"."""
    scheme: String!
    """Label value, e.g. "Iran" or "right". Omit to match any value of the scheme."""
    value: String
  }

  """Which date a date range applies to."""
  enum DateField {
    """The article's publication date."""
    ARTICLE
    """The date the event happened."""
    EVENT
  }

  """How exact a date is."""
  enum DatePrecision {
    EXACT
    DAY
    MONTH
    YEAR
    APPROXIMATE
    UNKNOWN
  }

  """A failed field of an input, for forms."""
  type InputError {
    """Dotted path of the field, e.g. "input.text" or "inputs.3.url"."""
    path: String!
    """What is wrong and how to fix it."""
    message: String!
  }

  """An expected failure of a mutation: nothing was written."""
  type UserError {
    """Stable SCREAMING_SNAKE code, e.g. INVALID_INPUT, EMPTY_TEXT, TOO_LARGE, DUPLICATE_ARTICLE."""
    code: String!
    """Human-readable explanation."""
    message: String!
    """Field-level problems (empty unless the input was invalid)."""
    inputErrors: [InputError!]!
  }

  """How many items share a bias label."""
  type BiasLabelCount {
    """Label scheme."""
    scheme: String!
    """Label value."""
    value: String!
    """Number of items (claims or outlets, depending on the field)."""
    count: Int!
  }

  """Every research question as a query. Lists are connections (\`first\` 1–100, \`after\`), scoped to your workspace."""
  type Query {
    """Fetches any object by its global id; null when it does not exist in your workspace."""
    node(id: ID!): Node
    """Fetches several objects by global id, in the same order (null for misses). At most 100 ids."""
    nodes(ids: [ID!]!): [Node]!
  }

  """Writes: ingestion now; corrections and labels arrive with teams. Expected failures come back as \`error\` payloads."""
  type Mutation {
    """Always true; lets clients check that mutations are reachable."""
    ping: Boolean!
  }
`;
