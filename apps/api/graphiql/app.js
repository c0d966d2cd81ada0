// GraphiQL for GET /graphql, bundled at build time (scripts/build-graphiql.mjs) so it needs no CDN.
// Plain JS on purpose: it runs in the browser and is compiled by esbuild, not by the API's tsc.
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

// Monaco's language services run in workers served beside this bundle.
const assets = new URL('./', document.currentScript?.src ?? location.href);
globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    const name = label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor';
    return new Worker(new URL(`${name}.worker.js`, assets));
  },
};

const examples = JSON.parse(document.getElementById('examples').textContent);
const endpoint = location.pathname;

// Same credentials as the dashboard: the session cookie travels by itself; team mode wants its
// double-submit CSRF token echoed in a header.
function csrfToken() {
  const hit = document.cookie.split('; ').find((c) => c.startsWith('cg_csrf='));
  return hit ? decodeURIComponent(hit.slice('cg_csrf='.length)) : undefined;
}

async function fetcher(params, options) {
  const token = csrfToken();
  const res = await fetch(endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { 'x-csrf-token': token } : {}),
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  return res.json();
}

const tabs = examples.map((e) => ({
  query: `# ${e.title}\n${e.query}`,
  variables: JSON.stringify(e.variables ?? {}, null, 2),
}));

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: tabs,
    // The editors start from these (not from the first tab), so they repeat it.
    initialQuery: tabs[0].query,
    initialVariables: tabs[0].variables,
    defaultEditorToolsVisibility: 'variables',
  }),
);
