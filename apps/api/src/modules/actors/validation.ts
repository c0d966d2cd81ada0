import { z } from 'zod';
import { text } from '../validation-utils.js';

export const ActorFilterModel = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(200).nullish(),
  kinds: z.array(z.string()).max(10).nullish(),
});

export const ActorNamesModel = z
  .array(z.string().trim().min(1, 'actor names must not be empty').max(200))
  .max(50, 'At most 50 actor names per filter');

export const SplitActorModel = z.object({
  canonicalName: text('The new actor’s name', 300),
  kind: z.enum(['PERSON', 'ORGANIZATION', 'STATE', 'ARMED_GROUP', 'COMPANY', 'MEDIA', 'OTHER']).nullable().optional(),
  aliases: z.array(z.string()).max(200),
  claimIds: z.array(z.number().int().positive()).max(1000).nullable().optional(),
});
