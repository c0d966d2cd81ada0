// Every domain module of the API: its SDL and resolvers. server.ts merges them; nothing else lists modules.
import * as access from './access/schema.js';
import { resolvers as accessResolvers } from './access/resolvers.js';
import * as actors from './actors/schema.js';
import { resolvers as actorResolvers } from './actors/resolvers.js';
import * as articles from './articles/schema.js';
import { resolvers as articleResolvers } from './articles/resolvers.js';
import * as claims from './claims/schema.js';
import { resolvers as claimResolvers } from './claims/resolvers.js';
import * as common from './common/schema.js';
import { resolvers as commonResolvers } from './common/resolvers.js';
import * as events from './events/schema.js';
import { resolvers as eventResolvers } from './events/resolvers.js';
import * as feeds from './feeds/schema.js';
import { resolvers as feedResolvers } from './feeds/resolvers.js';
import * as health from './health/schema.js';
import { resolvers as healthResolvers } from './health/resolvers.js';
import * as ingest from './ingest/schema.js';
import { resolvers as ingestResolvers } from './ingest/resolvers.js';
import * as origins from './origins/schema.js';
import { resolvers as originResolvers } from './origins/resolvers.js';
import * as relations from './relations/schema.js';
import { resolvers as relationResolvers } from './relations/resolvers.js';
import * as research from './research/schema.js';
import { resolvers as researchResolvers } from './research/resolvers.js';
import * as search from './search/schema.js';
import { resolvers as searchResolvers } from './search/resolvers.js';
import * as sources from './sources/schema.js';
import { resolvers as sourceResolvers } from './sources/resolvers.js';

export const modules = [
  { name: 'common', typeDefs: common.typeDefs, resolvers: commonResolvers },
  { name: 'health', typeDefs: health.typeDefs, resolvers: healthResolvers },
  { name: 'sources', typeDefs: sources.typeDefs, resolvers: sourceResolvers },
  { name: 'articles', typeDefs: articles.typeDefs, resolvers: articleResolvers },
  { name: 'actors', typeDefs: actors.typeDefs, resolvers: actorResolvers },
  { name: 'events', typeDefs: events.typeDefs, resolvers: eventResolvers },
  { name: 'claims', typeDefs: claims.typeDefs, resolvers: claimResolvers },
  { name: 'relations', typeDefs: relations.typeDefs, resolvers: relationResolvers },
  { name: 'research', typeDefs: research.typeDefs, resolvers: researchResolvers },
  { name: 'origins', typeDefs: origins.typeDefs, resolvers: originResolvers },
  { name: 'search', typeDefs: search.typeDefs, resolvers: searchResolvers },
  { name: 'ingest', typeDefs: ingest.typeDefs, resolvers: ingestResolvers },
  { name: 'feeds', typeDefs: feeds.typeDefs, resolvers: feedResolvers },
  { name: 'access', typeDefs: access.typeDefs, resolvers: accessResolvers },
];
