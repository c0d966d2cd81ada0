// Inputs of review and correction mutations. Ids arrive decoded (database ints) from the resolvers.
import { z } from 'zod';

const text = (what: string, max: number) => z.string().trim().min(1, `${what} cannot be empty`).max(max, `${what} is at most ${max} characters`);

export const AttributionLinkModel = z.object({
  kind: z.enum(['OUTLET', 'PERSON', 'ORGANIZATION', 'OFFICIAL', 'ANONYMOUS', 'DOCUMENT']),
  label: text('A chain label', 500),
  actorId: z.number().int().positive().nullable().optional(),
  sourceId: z.number().int().positive().nullable().optional(),
});

export const ClaimActorLinkModel = z.object({
  actorId: z.number().int().positive(),
  role: z.enum(['SUBJECT', 'OBJECT', 'MENTIONED']),
});

export const CorrectClaimModel = z
  .object({
    text: text('The claim text', 5000).optional(),
    modality: z.enum(['REPORTED', 'ALLEGED', 'CONFIRMED', 'DENIED', 'ADMITTED', 'OPINION', 'QUOTED_STATEMENT']).optional(),
    attribution: z.array(AttributionLinkModel).min(1, 'A chain needs at least the outlet').max(20, 'A chain has at most 20 links').optional(),
    actors: z.array(ClaimActorLinkModel).max(50, 'At most 50 actors per claim').optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Give at least one of text, modality, attribution, actors' });

export const ReviewClaimModel = z.object({
  status: z.enum(['UNREVIEWED', 'VERIFIED', 'REJECTED']),
  note: z.string().trim().max(2000, 'A review note is at most 2000 characters').nullable().optional(),
});

export const MergeModel = z.object({
  into: z.number().int().positive(),
  ids: z.array(z.number().int().positive()).min(1, 'Name at least one other id to merge').max(100, 'Merge at most 100 at once'),
});

export const SplitActorModel = z.object({
  canonicalName: text('The new actor’s name', 300),
  kind: z.enum(['PERSON', 'ORGANIZATION', 'STATE', 'ARMED_GROUP', 'COMPANY', 'MEDIA', 'OTHER']).nullable().optional(),
  aliases: z.array(z.string()).max(200),
  claimIds: z.array(z.number().int().positive()).max(1000).nullable().optional(),
});

export const SplitEventModel = z.object({
  claimIds: z.array(z.number().int().positive()).min(1, 'Name at least one claim that reports the other event').max(1000),
  summary: text('The summary', 1000).nullable().optional(),
});

// http(s) only: the dashboard links to it (a javascript: or data: URL would run in the reader's browser).
const url = z.url({ protocol: /^https?$/, error: 'Give an absolute http(s) URL, like https://example.org/rating' }).max(2000).nullable().optional();

export const AddLabelModel = z.object({
  sourceId: z.number().int().positive(),
  scheme: text('The scheme', 100),
  value: text('The value', 200),
  rater: text('The rater', 300).nullable().optional(),
  url,
  note: z.string().trim().max(2000).nullable().optional(),
  assertedAt: z.date().nullable().optional(),
});

export const ChangeLabelModel = z.object({
  value: text('The value', 200).nullable().optional(),
  rater: text('The rater', 300).nullable().optional(),
  url,
  note: z.string().trim().max(2000).nullable().optional(),
  assertedAt: z.date().nullable().optional(),
});
