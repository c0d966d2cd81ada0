// The seed scenario, modelled on the five seed articles (CGTN, American Military News, StreamNews, Times of Jerusalem,
// Press TV): the Soleimani strike with its missile-count contradiction, and Israel–US coordination over Syria.
// Written with Prisma until @claimgraph/ingest's seedSampleCorpus exists. Names are returned for assertions.
import type { PrismaClient } from '@claimgraph/db';
import { ensureLocalWorkspace } from '@claimgraph/db';

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

type Kind = 'OUTLET' | 'PERSON' | 'ORGANIZATION' | 'OFFICIAL' | 'ANONYMOUS' | 'DOCUMENT';

export async function seedScenario(db: PrismaClient) {
  const { workspaceId: ws } = await ensureLocalWorkspace(db);

  const source = async (
    slug: string,
    name: string,
    domain: string,
    labels: [string, string][],
    ownership: 'STATE' | 'PRIVATE' | 'UNKNOWN',
  ) =>
    db.source.create({
      data: {
        slug,
        name,
        domain,
        domains: [domain],
        ownership,
        labels: {
          create: labels.map(([scheme, value]) => ({
            scheme,
            value,
            rater: 'Claimgraph starter registry',
            note: 'seed',
          })),
        },
      },
    });
  const cgtn = await source(
    'cgtn',
    'CGTN',
    'cgtn.com',
    [
      ['state-affiliated', 'China'],
      ['ownership', 'state'],
    ],
    'STATE',
  );
  const amn = await source(
    'american-military-news',
    'American Military News',
    'americanmilitarynews.com',
    [['lean', 'right']],
    'PRIVATE',
  );
  const stream = await source('streamnews', 'StreamNews', 'streamnews.example', [['lean', 'unrated']], 'UNKNOWN');
  const toj = await source(
    'times-of-jerusalem',
    'Times of Jerusalem',
    'timesofjerusalem.example',
    [
      ['lean', 'right'],
      ['alignment', 'pro-Israel'],
    ],
    'PRIVATE',
  );
  const presstv = await source(
    'press-tv',
    'Press TV',
    'presstv.ir',
    [
      ['state-affiliated', 'Iran'],
      ['ownership', 'state'],
    ],
    'STATE',
  );
  const wsLabel = await db.biasLabel.create({
    data: { sourceId: stream.id, workspaceId: ws, scheme: 'reliability', value: 'low', rater: 'local editor' },
  });

  const actor = async (
    canonicalName: string,
    kind: 'PERSON' | 'STATE' | 'MEDIA' | 'ORGANIZATION',
    aliases: string[] = [],
  ) =>
    db.actor.create({
      data: {
        workspaceId: ws,
        canonicalName,
        kind,
        aliases: {
          create: [canonicalName, ...aliases].map((alias, i) => ({
            alias,
            normalized: fold(alias),
            kind: i === 0 ? 'CANONICAL' : 'VARIANT',
          })),
        },
      },
    });
  const soleimani = await actor('Qassem Soleimani', 'PERSON', ['Qasem Soleimani', 'General Soleimani', 'Soleimani']);
  const israel = await actor('Israel', 'STATE', ['Israeli regime']);
  const us = await actor('United States', 'STATE', ['US', 'U.S.', 'Washington']);
  const nbc = await actor('NBC News', 'MEDIA');
  const reuters = await actor('Reuters', 'MEDIA');
  const wsj = await actor('The Wall Street Journal', 'MEDIA', ['WSJ']);

  const strike = await db.event.create({
    data: {
      workspaceId: ws,
      type: 'KILLING',
      summary: 'US drone strike kills Qassem Soleimani at Baghdad airport',
      occurredAt: new Date('2020-01-03T00:47:00Z'),
      occurredPrecision: 'EXACT',
      place: 'Baghdad International Airport',
      actors: {
        create: [
          { actorId: us.id, role: 'AGENT' },
          { actorId: soleimani.id, role: 'VICTIM' },
        ],
      },
    },
  });
  const coordination = await db.event.create({
    data: {
      workspaceId: ws,
      type: 'COORDINATION',
      summary: 'Israel coordinates Syria strikes with the US',
      occurredAt: new Date('2022-11-10T00:00:00Z'),
      occurredPrecision: 'MONTH',
      place: 'Syria',
      actors: {
        create: [
          { actorId: israel.id, role: 'AGENT' },
          { actorId: us.id, role: 'PARTICIPANT' },
        ],
      },
    },
  });

  const article = async (
    s: { id: number },
    title: string,
    publishedAt: string,
    body: string,
    events: { id: number }[],
  ) => {
    const a = await db.article.create({
      data: {
        workspaceId: ws,
        sourceId: s.id,
        url: `https://${title.toLowerCase().replace(/[^a-z]+/g, '-')}.example/a`,
        title,
        publishedAt: new Date(publishedAt),
        publishedPrecision: 'DAY',
        language: 'en',
        body,
        contentHash: `hash-${title}`,
        extractorVersion: 'seed-1',
        removedLines: [],
        warnings: [],
      },
    });
    for (const e of events)
      await db.eventMention.create({ data: { workspaceId: ws, eventId: e.id, articleId: a.id, surface: title } });
    return a;
  };
  const bodies = {
    cgtn: "Israel helped the United States in carrying out a missile strike at Baghdad International Airport that killed senior Iranian commander Qasem Soleimani, NBC News reported. After Soleimani's plane landed, the U.S. used drones to track him into a car, which was later targeted with four missiles.",
    amn: 'Iraqi and Syrian informants helped the US track Gen. Qassem Soleimani, Reuters reported. Soleimani was killed minutes later by a U.S. drone firing two missiles.',
    stream:
      'At 07:47, the Reaper flew several Hellfire missiles into two cars, engulfing them in flames and leaving 10 bodies inside.',
    toj: 'Israel has coordinated with the US before some of the strikes it has conducted in Syria in recent years, The Wall Street Journal reported.',
    presstv:
      "The Israeli regime's air strikes against targets in Syria have been conducted with the secret approval of the American military, citing current and former officials.",
  };
  const aCgtn = await article(
    cgtn,
    'Israeli intelligence involved in U.S. airstrike that killed Soleimani',
    '2020-01-13',
    bodies.cgtn,
    [strike],
  );
  const aAmn = await article(amn, 'Iraqi, Syrian informants helped US track Soleimani', '2020-01-10', bodies.amn, [
    strike,
  ]);
  const aStream = await article(stream, 'The night Soleimani was killed', '2020-02-02', bodies.stream, [strike]);
  const aToj = await article(toj, 'Israel coordinated with US before Syria strikes', '2022-11-11', bodies.toj, [
    coordination,
  ]);
  const aPress = await article(
    presstv,
    'Israeli regime secretly coordinates Syria airstrikes with US',
    '2022-11-12',
    bodies.presstv,
    [coordination],
  );

  const claim = async (
    a: { id: number; sourceId: number; body: string },
    text: string,
    evidence: string,
    chain: [Kind, string, { actorId?: number; sourceId?: number }?][],
    actors: [{ id: number }, 'SUBJECT' | 'OBJECT' | 'MENTIONED'][],
    eventId: number | null,
    extra: { clusterId?: number; modality?: 'REPORTED' | 'ALLEGED' } = {},
  ) => {
    const start = a.body.indexOf(evidence);
    if (start < 0) throw new Error(`evidence not in body: ${evidence}`);
    return db.claim.create({
      data: {
        workspaceId: ws,
        articleId: a.id,
        sourceId: a.sourceId,
        extractionKey: `${start}:${start + evidence.length}`,
        text,
        evidenceStart: start,
        evidenceEnd: start + evidence.length,
        modality: extra.modality ?? 'REPORTED',
        eventId,
        clusterId: extra.clusterId ?? null,
        attribution: { create: chain.map(([kind, label, link], position) => ({ position, kind, label, ...link })) },
        actors: { create: actors.map(([act, role]) => ({ actorId: act.id, role })) },
      },
    });
  };
  const israelHelped = await claim(
    aCgtn,
    'Israel helped the United States carry out the missile strike that killed Soleimani.',
    'Israel helped the United States in carrying out a missile strike at Baghdad International Airport that killed senior Iranian commander Qasem Soleimani',
    [
      ['OUTLET', 'CGTN', { sourceId: cgtn.id }],
      ['ORGANIZATION', 'NBC News', { actorId: nbc.id }],
    ],
    [
      [israel, 'SUBJECT'],
      [us, 'OBJECT'],
      [soleimani, 'MENTIONED'],
    ],
    strike.id,
  );
  const fourMissiles = await claim(
    aCgtn,
    "After Soleimani's plane landed, US drones tracked him into a car that was then hit with four missiles.",
    'the U.S. used drones to track him into a car, which was later targeted with four missiles',
    [
      ['OUTLET', 'CGTN', { sourceId: cgtn.id }],
      ['ORGANIZATION', 'NBC News', { actorId: nbc.id }],
    ],
    [
      [us, 'SUBJECT'],
      [soleimani, 'OBJECT'],
    ],
    strike.id,
  );
  const informants = await claim(
    aAmn,
    'Iraqi and Syrian informants helped the US track Soleimani.',
    'Iraqi and Syrian informants helped the US track Gen. Qassem Soleimani',
    [
      ['OUTLET', 'American Military News', { sourceId: amn.id }],
      ['ORGANIZATION', 'Reuters', { actorId: reuters.id }],
    ],
    [
      [us, 'SUBJECT'],
      [soleimani, 'OBJECT'],
    ],
    strike.id,
  );
  const twoMissiles = await claim(
    aAmn,
    'Soleimani was killed minutes after landing by a US drone firing two missiles.',
    'Soleimani was killed minutes later by a U.S. drone firing two missiles',
    [
      ['OUTLET', 'American Military News', { sourceId: amn.id }],
      ['ORGANIZATION', 'Reuters', { actorId: reuters.id }],
    ],
    [
      [soleimani, 'SUBJECT'],
      [us, 'OBJECT'],
    ],
    strike.id,
  );
  const hellfire = await claim(
    aStream,
    'At 07:47 the Reaper fired several Hellfire missiles into the two cars, leaving 10 bodies.',
    'At 07:47, the Reaper flew several Hellfire missiles into two cars',
    [['OUTLET', 'StreamNews', { sourceId: stream.id }]],
    [[us, 'SUBJECT']],
    strike.id,
  );
  const cluster = await db.claimCluster.create({
    data: { workspaceId: ws, summary: 'Israel coordinates its Syria strikes with the US' },
  });
  const tojCoord = await claim(
    aToj,
    'Israel has coordinated with the US before some of its strikes in Syria.',
    'Israel has coordinated with the US before some of the strikes it has conducted in Syria',
    [
      ['OUTLET', 'Times of Jerusalem', { sourceId: toj.id }],
      ['ORGANIZATION', 'The Wall Street Journal', { actorId: wsj.id }],
    ],
    [
      [israel, 'SUBJECT'],
      [us, 'OBJECT'],
    ],
    coordination.id,
    { clusterId: cluster.id },
  );
  const pressCoord = await claim(
    aPress,
    'Israeli strikes in Syria have been conducted with the secret approval of the US military.',
    'air strikes against targets in Syria have been conducted with the secret approval of the American military',
    [
      ['OUTLET', 'Press TV', { sourceId: presstv.id }],
      ['ANONYMOUS', 'current and former officials'],
    ],
    [
      [israel, 'SUBJECT'],
      [us, 'OBJECT'],
    ],
    coordination.id,
    { clusterId: cluster.id, modality: 'ALLEGED' },
  );

  const missileContradiction = await db.claimRelation.create({
    data: {
      workspaceId: ws,
      fromClaimId: fourMissiles.id,
      toClaimId: twoMissiles.id,
      kind: 'CONTRADICTS',
      reason: '4 vs 2 missiles',
      slot: 'count',
      fromValue: '4',
      toValue: '2',
    },
  });
  await db.claimRelation.create({
    data: {
      workspaceId: ws,
      fromClaimId: tojCoord.id,
      toClaimId: pressCoord.id,
      kind: 'SAME_AS',
      reason: 'same coordination claim',
    },
  });

  // Another workspace whose rows must never leak into the local one.
  const other = await db.workspace.create({ data: { slug: 'other', name: 'Other team' } });
  const otherActor = await db.actor.create({
    data: {
      workspaceId: other.id,
      canonicalName: 'Qassem Soleimani',
      kind: 'PERSON',
      aliases: { create: [{ alias: 'Soleimani', normalized: 'soleimani' }] },
    },
  });
  const otherArticle = await db.article.create({
    data: {
      workspaceId: other.id,
      sourceId: cgtn.id,
      title: 'Other workspace article',
      body: 'Soleimani missiles other workspace.',
      contentHash: 'other',
      extractorVersion: 'seed-1',
    },
  });
  const otherClaim = await db.claim.create({
    data: {
      workspaceId: other.id,
      articleId: otherArticle.id,
      sourceId: cgtn.id,
      extractionKey: '0:10',
      text: 'Other workspace claim about Soleimani missiles',
      evidenceStart: 0,
      evidenceEnd: 10,
      modality: 'REPORTED',
      actors: { create: [{ actorId: otherActor.id, role: 'SUBJECT' }] },
    },
  });

  return {
    workspaceId: ws,
    sources: { cgtn, amn, stream, toj, presstv },
    wsLabel,
    actors: { soleimani, israel, us, nbc, reuters, wsj },
    events: { strike, coordination },
    articles: { aCgtn, aAmn, aStream, aToj, aPress },
    claims: { israelHelped, fourMissiles, informants, twoMissiles, hellfire, tojCoord, pressCoord },
    cluster,
    missileContradiction,
    other: { workspace: other, claim: otherClaim, actor: otherActor },
  };
}

export type Scenario = Awaited<ReturnType<typeof seedScenario>>;
