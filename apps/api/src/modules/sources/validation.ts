import { z } from 'zod';

export { parseOrThrow } from '../validation-utils.js';

export const LabelConditionModel = z.object({
  scheme: z.string().trim().min(1, 'scheme must not be empty').max(100),
  value: z.string().trim().min(1, 'value must not be empty; omit it to match the whole scheme').max(200).nullish(),
});

export const LabelListModel = z.array(LabelConditionModel).max(50, 'At most 50 bias labels per filter').nullish();

export const SourceFilterModel = z.object({
  text: z.string().trim().max(200, 'text must be at most 200 characters').nullish(),
  biasLabels: LabelListModel,
  biasLabelMatch: z.enum(['ANY', 'ALL']).nullish(),
  ownership: z.array(z.string()).max(10).nullish(),
});
