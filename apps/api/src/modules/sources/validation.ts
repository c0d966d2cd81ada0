import { z } from 'zod';
import { text } from '../validation-utils.js';

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

// http(s) only: the dashboard links to it (a javascript: or data: URL would run in the reader's browser).
const url = z
  .url({ protocol: /^https?$/, error: 'Give an absolute http(s) URL, like https://example.org/rating' })
  .max(2000)
  .nullable()
  .optional();

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
