// CSRF for cookie-authenticated GraphQL mutations: the browser must echo its cg_csrf cookie in x-csrf-token.
// Bearer-token and local viewers carry no ambient credential and pass (assertCsrf decides).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { assertCsrf, CSRF_HEADER, CsrfError } from '@claimgraph/auth';
import { GraphQLError } from 'graphql';
import type { Context } from '../../context.js';

export function csrfPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (rc.operation?.operation !== 'mutation') return;
          try {
            assertCsrf((rc.contextValue as Context).viewer, rc.request.http?.headers.get(CSRF_HEADER));
          } catch (err) {
            if (err instanceof CsrfError)
              throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: 403 } } });
            throw err;
          }
        },
      };
    },
  };
}
