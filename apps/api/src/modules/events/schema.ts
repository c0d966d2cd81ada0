export const typeDefs = /* GraphQL */ `
  """What sort of event."""
  enum EventType {
    ATTACK
    STRIKE
    KILLING
    MEETING
    STATEMENT
    COORDINATION
    PROTEST
    CRASH
    INVESTIGATION
    OTHER
  }

  """An actor's part in an event."""
  enum EventRole {
    AGENT
    TARGET
    VICTIM
    LOCATION_OWNER
    PARTICIPANT
  }

  """Something that happened. The same event reported by many articles is one Event."""
  type Event implements Node {
    """Global id."""
    id: ID!
    """Database id."""
    databaseId: Int!
    """What sort of event."""
    type: EventType!
    """One-line summary."""
    summary: String!
    """When it happened, as exactly as known."""
    occurredAt: DateTime
    """How exact \`occurredAt\` is."""
    occurredPrecision: DatePrecision!
    """Where it happened."""
    place: String
    """Participating actors with their roles."""
    actors: [EventParticipant!]!
    """Where articles report the event, with the words they used for the date; the first \`first\` (1–500)."""
    mentions(first: Int = 100): [EventMention!]!
    """Number of claims about this event."""
    claimCount: Int!
  }

  """An actor's participation in an event."""
  type EventParticipant {
    """The actor."""
    actor: Actor!
    """Their role."""
    role: EventRole!
  }

  """An article's report of an event."""
  type EventMention {
    """The reporting article."""
    article: Article!
    """The sentence the event was found in."""
    surface: String!
    """The article's words for the date ("on Saturday", "five days earlier")."""
    dateText: String
    """Start offset of the surface in the article body (UTF-16 code units)."""
    start: Int
    """End offset (exclusive)."""
    end: Int
  }

  """A page of events."""
  type EventConnection {
    """Events on this page, newest first."""
    edges: [EventEdge!]!
    """Paging information."""
    pageInfo: PageInfo!
    """Number of events matching the filter."""
    totalCount: Int!
  }

  """An event with its cursor."""
  type EventEdge {
    """Pass as \`after\` to continue after this edge."""
    cursor: String!
    """The event."""
    node: Event!
  }

  """Which events to list. Conditions combine with AND."""
  input EventFilter {
    """Involving one of these actors (global ids)."""
    actorIds: [ID!]
    """Involving an actor with one of these names or aliases."""
    actorNames: [String!]
    """Of these types."""
    types: [EventType!]
    """Reported by one of these outlets (global ids)."""
    sourceIds: [ID!]
    """Reported by outlets with these bias labels."""
    biasLabels: [BiasLabelInput!]
    """ANY (default) or ALL of \`biasLabels\`."""
    biasLabelMatch: BiasLabelMatch = ANY
    """Happened at or after."""
    from: DateTime
    """Happened before."""
    to: DateTime
    """Words in the summary or place."""
    text: String
  }

  extend type Query {
    """One event by global id."""
    event(id: ID!): Event
    """Events matching a filter, newest first."""
    events(filter: EventFilter, first: Int = 20, after: String): EventConnection!
  }

  """How to split an event: the claims that report a different event."""
  input SplitEventInput {
    """Claims (currently on this event) that move to the new event."""
    claimIds: [ID!]!
    """Summary of the new event; the original's when omitted."""
    summary: String
  }

  """Result of an event merge or split: exactly one of \`ok\` and \`error\` is set."""
  type EventPayload {
    """The surviving event (merge) or the new event (split)."""
    ok: Event
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  extend type Mutation {
    """Merges events into one: mentions, participants and claims follow. Requires EDITOR."""
    mergeEvents(into: ID!, eventIds: [ID!]!): EventPayload!
    """Moves some claims of an event to a new event. Requires EDITOR."""
    splitEvent(id: ID!, input: SplitEventInput!): EventPayload!
  }
`;
