export const typeDefs = /* GraphQL */ `
  """Which outlets carry a claim (or cluster, or event), grouped by bias label, and which labelled outlets left it out."""
  type Coverage {
    """The event the coverage is measured against, when known."""
    event: Event
    """The claims considered: the claim with its cluster and SAME_AS partners (never claims contradicting it), the cluster, or the event's claims; the first \`first\` (1–500)."""
    claims(first: Int = 100): [Claim!]!
    """Outlets carrying at least one of the claims (at most 100)."""
    carriers: [CoverageOutlet!]!
    """Outlets that covered the event (or, without an event, the same actors) but carry none of the claims (at most 100); see \`byLabel\` for them grouped by bias label."""
    blindspots: [CoverageOutlet!]!
    """Carriers and blindspots per bias label (at most 30 labels)."""
    byLabel: [CoverageLabelGroup!]!
    """How blindspots were determined: EVENT (outlets reporting the event) or ACTORS (outlets with claims about the same actors)."""
    basis: String!
  }

  """An outlet in a coverage result."""
  type CoverageOutlet {
    """The outlet."""
    source: Source!
    """How many of the considered claims it carries (0 for blindspots)."""
    claimCount: Int!
  }

  """Coverage for one bias label."""
  type CoverageLabelGroup {
    """Label scheme."""
    scheme: String!
    """Label value."""
    value: String!
    """Outlets with the label that carry the claim (at most 50)."""
    carriers: [Source!]!
    """Outlets with the label that left it out (at most 50)."""
    blindspots: [Source!]!
  }

  """Claim clusters × bias labels: which labels' outlets carry each cluster and which are silent on it."""
  type CoverageMatrix {
    """The labels with at least one carrier or silent outlet in some row, by scheme and value."""
    labels: [CoverageMatrixLabel!]!
    """The clusters with the most claims matching the filter, largest first."""
    rows: [CoverageMatrixRow!]!
  }

  """A bias label (column of the matrix)."""
  type CoverageMatrixLabel {
    """Label scheme."""
    scheme: String!
    """Label value."""
    value: String!
  }

  """One cluster of the matrix."""
  type CoverageMatrixRow {
    """The cluster."""
    cluster: ClaimCluster!
    """Its claims matching the filter."""
    claimCount: Int!
    """One cell per label with a carrier or a silent outlet; labels without either are left out."""
    cells: [CoverageCell!]!
  }

  """Coverage of one cluster by the outlets of one bias label."""
  type CoverageCell {
    """Label scheme."""
    scheme: String!
    """Label value."""
    value: String!
    """Outlets with the label carrying a claim of the cluster."""
    carriers: Int!
    """Outlets with the label that reported the cluster's event (the one most of its claims are about) but carry none of its claims."""
    silent: Int!
  }

  """Time bucket size."""
  enum TimeBucket {
    DAY
    WEEK
    MONTH
  }

  """Claim volume and events over time."""
  type Timeline {
    """The bucket size used."""
    bucket: TimeBucket!
    """Buckets with at least one claim or event, oldest first (at most 300: use a wider bucket or narrow the dates)."""
    buckets: [TimelineBucket!]!
  }

  """One time bucket."""
  type TimelineBucket {
    """Start of the bucket (UTC)."""
    start: DateTime!
    """Claims matching the filter in the bucket."""
    claimCount: Int!
    """Those claims per outlet bias label."""
    byLabel: [BiasLabelCount!]!
    """Events (of the matching claims) that happened in the bucket, at most 20."""
    events: [Event!]!
  }

  """Co-occurrence network around an actor: actors that appear in the same claims."""
  type ActorGraph {
    """The actor the graph starts from."""
    center: Actor!
    """Actors within \`depth\` hops, strongest links first."""
    nodes: [ActorGraphNode!]!
    """Links between those actors, weighted by shared claims, strongest first (at most 10 per actor)."""
    edges: [ActorGraphEdge!]!
  }

  """An actor in the graph."""
  type ActorGraphNode {
    """The actor."""
    actor: Actor!
    """Hops from the center (0 for the center)."""
    depth: Int!
  }

  """Two actors that appear in the same claims."""
  type ActorGraphEdge {
    """One actor."""
    from: Actor!
    """The other actor."""
    to: Actor!
    """Number of claims both appear in."""
    weight: Int!
  }

  extend type Query {
    """Coverage of a claim, a cluster or an event (give exactly one)."""
    coverage(claimId: ID, clusterId: ID, eventId: ID): Coverage!
    """Coverage matrix of the \`clusters\` (1–100) largest claim clusters for the filter; \`labelScheme\` keeps one label scheme."""
    coverageMatrix(filter: ClaimFilter, clusters: Int = 20, labelScheme: String): CoverageMatrix!
    """Claim volume per bucket and per bias label, with events, for any claim filter. \`labelScheme\` restricts the per-label counts to one scheme."""
    timeline(filter: ClaimFilter, bucket: TimeBucket = MONTH, labelScheme: String): Timeline!
    """Actors co-occurring in claims with \`actorId\`, up to \`depth\` (1–3) hops and \`limit\` (1–200) actors."""
    actorGraph(actorId: ID!, depth: Int = 1, limit: Int = 50): ActorGraph!
  }
`;
