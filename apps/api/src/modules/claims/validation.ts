import { z } from 'zod';
import { text } from '../validation-utils.js';
import { CommonFilterModel } from '../filters.js';

const ids = z.array(z.string()).max(250, 'At most 250 ids per filter').nullish();

export const ClaimFilterModel = z.intersection(
  CommonFilterModel,
  z.object({
    articleIds: ids,
    clusterIds: ids,
    modalities: z.array(z.string()).max(10).nullish(),
    dateField: z.enum(['ARTICLE', 'EVENT']).nullish(),
    hasContradictions: z.boolean().nullish(),
  }),
);

export type ClaimFilterInput = z.input<typeof ClaimFilterModel>;

// Corrections and reviews: ids arrive decoded (database ints) from the resolvers.
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
    modality: z
      .enum(['REPORTED', 'ALLEGED', 'CONFIRMED', 'DENIED', 'ADMITTED', 'OPINION', 'QUOTED_STATEMENT'])
      .optional(),
    attribution: z
      .array(AttributionLinkModel)
      .min(1, 'A chain needs at least the outlet')
      .max(20, 'A chain has at most 20 links')
      .optional(),
    actors: z.array(ClaimActorLinkModel).max(50, 'At most 50 actors per claim').optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'Give at least one of text, modality, attribution, actors',
  });

export const ReviewClaimModel = z.object({
  status: z.enum(['UNREVIEWED', 'VERIFIED', 'REJECTED']),
  note: z.string().trim().max(2000, 'A review note is at most 2000 characters').nullable().optional(),
});
