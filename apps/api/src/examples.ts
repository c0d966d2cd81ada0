// Example operations for the main research questions: shown in the local explorer and checked by the tests.
export interface Example {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    title: 'Claims about an actor from state-affiliated outlets',
    query: `query ClaimsByActorAndLabel($actor: String!, $labels: [BiasLabelInput!]) {
  claims(filter: { actorNames: [$actor], biasLabels: $labels }, first: 20) {
    totalCount
    facets { sources { source { name } count } biasLabels { scheme value count } }
    edges { node {
      text modality
      source { name labels { scheme value rater } }
      attribution { position kind label }
      actors { role actor { canonicalName } }
      evidence { text }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { actor: 'Qassem Soleimani', labels: [{ scheme: 'state-affiliated' }] },
  },
  {
    title: 'Contradictions, with both attribution chains',
    query: `query Contradictions($actor: String!) {
  contradictions(filter: { actorNames: [$actor] }, first: 10) {
    edges { node {
      slot reason fromValue toValue
      from { text source { name } attribution { kind label } }
      to { text source { name } attribution { kind label } }
    } }
  }
}`,
    variables: { actor: 'Soleimani' },
  },
  {
    title: 'Coverage of a claim by bias label, with blindspots',
    query: `query Coverage($claimId: ID!) {
  coverage(claimId: $claimId) {
    basis
    event { summary occurredAt }
    carriers { source { name } claimCount }
    blindspots { source { name labels { scheme value } } }
    byLabel { scheme value carriers { name } blindspots { name } }
  }
}`,
    variables: { claimId: 'Q2xhaW06MQ==' },
  },
  {
    title: 'Timeline: claim volume per month and lean',
    query: `query Timeline {
  timeline(filter: { actorNames: ["Israel"] }, bucket: MONTH, labelScheme: "lean") {
    buckets { start claimCount byLabel { value count } events { type summary occurredAt } }
  }
}`,
  },
  {
    title: 'Actor co-occurrence graph',
    query: `query Graph($actorId: ID!) {
  actorGraph(actorId: $actorId, depth: 2, limit: 30) {
    center { canonicalName }
    nodes { depth actor { canonicalName kind } }
    edges { weight from { canonicalName } to { canonicalName } }
  }
}`,
    variables: { actorId: 'QWN0b3I6MQ==' },
  },
  {
    title: 'Search everything',
    query: `query Search {
  search(text: "missiles", first: 5) {
    claims { text source { name } }
    actors { canonicalName aliases { alias } }
    events { type summary }
    articles { title source { name } }
  }
}`,
  },
  {
    title: 'Health',
    query: `query Health { health { ok database version } }`,
  },
];
