import { z } from 'zod';
import { text } from '../validation-utils.js';

export const SplitEventModel = z.object({
  claimIds: z
    .array(z.number().int().positive())
    .min(1, 'Name at least one claim that reports the other event')
    .max(1000),
  summary: text('The summary', 1000).nullable().optional(),
});
