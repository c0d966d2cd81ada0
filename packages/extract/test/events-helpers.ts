// The type of the event the extractor dates with the given words, for the event-type tests.
import { extract } from '../src/index.js';

export const typeAt = (text: string, date: string) =>
  extract({ text: `Title\n\n${text}`, outlet: 'X', publishedAt: '2019-11-06' }).events.find((e) =>
    e.date.text?.includes(date),
  )?.type;
