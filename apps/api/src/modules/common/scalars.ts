import { isIsoDate } from '@claimgraph/shared';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseDate(value: unknown): Date {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError(
      `DateTime must be a real ISO-8601 date like 2020-01-03 or 2020-01-03T07:47:00Z, got ${JSON.stringify(value).slice(0, 60)}`,
    );
  }
  return new Date(value);
}

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'An ISO-8601 date-time in UTC, e.g. 2020-01-03T00:00:00.000Z. Inputs also accept a plain date (2020-01-03).',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return new Date(value).toISOString();
    throw new GraphQLError('DateTime cannot represent this value');
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseDate(ast.value);
  },
});
