import { z } from 'zod';
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
