export const typeDefs = /* GraphQL */ `
  """Whether the API and its database answer."""
  type Health {
    """True when every check passed."""
    ok: Boolean!
    """True when the database answered a trivial query."""
    database: Boolean!
    """The API's version."""
    version: String!
  }

  extend type Query {
    """Liveness and database reachability; needs no authorisation."""
    health: Health!
  }
`;
