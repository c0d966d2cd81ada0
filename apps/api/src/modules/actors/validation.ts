import { z } from 'zod';

export const ActorFilterModel = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(200).nullish(),
  kinds: z.array(z.string()).max(10).nullish(),
});

export const ActorNamesModel = z
  .array(z.string().trim().min(1, 'actor names must not be empty').max(200))
  .max(50, 'At most 50 actor names per filter');
