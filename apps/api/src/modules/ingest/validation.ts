import { isIsoDate } from '@claimgraph/shared';
import { z } from 'zod';

export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export const IngestArticleInputModel = z.object({
  text: z
    .string()
    .refine((t) => t.trim().length > 0, 'text must not be empty')
    .refine((t) => Buffer.byteLength(t, 'utf8') <= MAX_TEXT_BYTES, 'text must be at most 2 MB'),
  format: z.enum(['TEXT', 'HTML']).nullish(),
  url: z
    .url({ protocol: /^https?$/, error: 'url must be an http(s) URL' })
    .max(2000)
    .nullish(),
  outlet: z.string().trim().min(1, 'outlet must not be empty; omit it instead').max(200).nullish(),
  publishedAt: z
    .string()
    .refine(isIsoDate, 'publishedAt must be a real ISO date like 2020-01-13 or 2020-01-13T09:36:00Z')
    .nullish(),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'language must be a BCP 47 tag like "en"')
    .nullish(),
});

export const EnqueueArticlesModel = z
  .array(IngestArticleInputModel)
  .min(1, 'Give at least one article')
  .max(1000, 'At most 1000 articles per call');

export type IngestArticleInput = z.infer<typeof IngestArticleInputModel>;

export const JobIdsModel = z.array(z.string().max(100)).max(1000, 'At most 1000 job ids per call');
