// The merged executable schema, built from the modules listed in modules/index.ts.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { boundLists } from './list-bounds.js';
import { modules } from './modules/index.js';

export function buildSchema(): GraphQLSchema {
  return boundLists(
    makeExecutableSchema({
      typeDefs: modules.map((m) => m.typeDefs),
      resolvers: modules.map((m) => m.resolvers),
      resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
    }),
  );
}

/** The schema as committed in apps/api/schema.graphql (sorted, so module order does not matter). */
export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(buildSchema())) + '\n';
}
