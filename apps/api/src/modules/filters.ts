// Filter models shared by claims, articles and events.
import { z } from 'zod';
import { LabelListModel } from './sources/validation.js';
import { ActorNamesModel } from './actors/validation.js';

const ids = z.array(z.string()).max(250, 'At most 250 ids per filter').nullish();

export const CommonFilterModel = z
  .object({
    sourceIds: ids,
    biasLabels: LabelListModel,
    biasLabelMatch: z.enum(['ANY', 'ALL']).nullish(),
    actorIds: ids,
    actorNames: ActorNamesModel.nullish(),
    eventIds: ids,
    from: z.date().nullish(),
    to: z.date().nullish(),
    text: z
      .string()
      .trim()
      .min(1, 'text must not be empty; omit it instead')
      .max(500, 'text must be at most 500 characters')
      .nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: '`from` must be before `to`', path: ['from'] });
