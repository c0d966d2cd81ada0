export const typeDefs = /* GraphQL */ `
  """One link of a corrected attribution chain, outermost (the outlet) first."""
  input AttributionInput {
    """What kind of source this link is."""
    kind: AttributionKind!
    """The words naming it, e.g. "a senior official"."""
    label: String!
    """The actor it is, when known (an Actor id of your workspace)."""
    actorId: ID
    """The outlet it is, when it is one (a Source id)."""
    sourceId: ID
  }

  """An actor a claim is about, with its role in the claim."""
  input ClaimActorInput {
    """An Actor id of your workspace."""
    actorId: ID!
    """Subject, object or merely mentioned."""
    role: ClaimActorRole!
  }

  """What to correct in a claim; omitted fields stay as they are. Corrections survive re-extraction."""
  input CorrectClaimInput {
    """The claim's corrected wording."""
    text: String
    """The corrected modality (reported, alleged, denied…)."""
    modality: Modality
    """The whole corrected attribution chain (replaces the extracted one)."""
    attribution: [AttributionInput!]
    """The whole corrected list of actors (replaces the extracted one)."""
    actors: [ClaimActorInput!]
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

  """How to split an event: the claims that report a different event."""
  input SplitEventInput {
    """Claims (currently on this event) that move to the new event."""
    claimIds: [ID!]!
    """Summary of the new event; the original's when omitted."""
    summary: String
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

  """Result of a claim correction or review: exactly one of \`ok\` and \`error\` is set."""
  type ClaimPayload {
    """The claim after the change."""
    ok: Claim
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  """Result of an actor merge or split: exactly one of \`ok\` and \`error\` is set."""
  type ActorPayload {
    """The surviving actor (merge) or the new actor (split)."""
    ok: Actor
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  """Result of an event merge or split: exactly one of \`ok\` and \`error\` is set."""
  type EventPayload {
    """The surviving event (merge) or the new event (split)."""
    ok: Event
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  """Result of a label change: exactly one of \`ok\` and \`error\` is set."""
  type BiasLabelPayload {
    """The label after the change."""
    ok: BiasLabel
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  extend type Mutation {
    """Corrects a claim's text, modality, chain or actors. Stored as corrections, re-applied after re-extraction. Requires EDITOR."""
    correctClaim(id: ID!, input: CorrectClaimInput!): ClaimPayload!
    """Marks a claim verified or rejected (or back to unreviewed) with a note. Requires EDITOR."""
    reviewClaim(id: ID!, status: ReviewStatus!, note: String): ClaimPayload!
    """Merges actors into one: their aliases move to it and their claims follow. Requires EDITOR."""
    mergeActors(into: ID!, actorIds: [ID!]!): ActorPayload!
    """Splits aliases (and claims) off an actor into a new actor. Requires EDITOR."""
    splitActor(id: ID!, input: SplitActorInput!): ActorPayload!
    """Merges events into one: mentions, participants and claims follow. Requires EDITOR."""
    mergeEvents(into: ID!, eventIds: [ID!]!): EventPayload!
    """Moves some claims of an event to a new event. Requires EDITOR."""
    splitEvent(id: ID!, input: SplitEventInput!): EventPayload!
    """Adds a workspace label to an outlet, with provenance. Requires EDITOR."""
    addLabel(input: AddLabelInput!): BiasLabelPayload!
    """Changes a workspace label (shared starter labels are read-only). Requires EDITOR."""
    changeLabel(id: ID!, input: ChangeLabelInput!): BiasLabelPayload!
    """Retires a workspace label: it stops counting in filters but stays on record. Requires EDITOR."""
    retireLabel(id: ID!, note: String): BiasLabelPayload!
  }
`;
