// A self-contained GraphQL explorer page for GET /graphql in a browser: no CDN, no external assets.
// Hand-written (GraphiQL 5 pulls in Monaco workers that do not bundle offline into one page).
import { EXAMPLES } from './examples.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function graphiqlHtml(): string {
  const options = EXAMPLES.map((e, i) => `<option value="${i}">${escapeHtml(e.title)}</option>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Claimgraph GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body{margin:0;font:14px system-ui,sans-serif;display:flex;flex-direction:column;height:100vh;color:#1d1d1f}
  header{padding:8px 12px;background:#16324f;color:#fff;display:flex;gap:12px;align-items:center}
  header h1{font-size:16px;margin:0} select,button{font:inherit;padding:4px 8px}
  button{background:#2e7d32;color:#fff;border:0;border-radius:4px;cursor:pointer}
  main{flex:1;display:grid;grid-template-columns:1fr 1fr;min-height:0}
  .col{display:flex;flex-direction:column;min-height:0;border-right:1px solid #ddd}
  textarea,pre{flex:1;margin:0;padding:10px;font:13px ui-monospace,monospace;border:0;resize:none;overflow:auto;white-space:pre}
  label{font-size:12px;padding:4px 10px;background:#f3f3f3;border-bottom:1px solid #ddd}
  #vars{flex:0 0 25%} #status{margin-left:auto;font-size:12px}
</style></head>
<body>
<header><h1>Claimgraph GraphQL</h1>
  <label for="ex" style="background:none;color:#fff;border:0">Example</label><select id="ex">${options}</select>
  <button id="run" title="Ctrl+Enter">Run ▶</button><span id="status"></span></header>
<main>
  <div class="col"><label for="q">Query</label><textarea id="q" spellcheck="false"></textarea>
    <label for="vars">Variables (JSON)</label><textarea id="vars" spellcheck="false">{}</textarea></div>
  <div class="col"><label>Result</label><pre id="out" aria-live="polite"></pre></div>
</main>
<script id="examples" type="application/json">${JSON.stringify(EXAMPLES).replace(/</g, '\\u003c')}</script>
<script>
  const examples = JSON.parse(document.getElementById('examples').textContent);
  const q = document.getElementById('q'), vars = document.getElementById('vars'), out = document.getElementById('out');
  const status = document.getElementById('status'), ex = document.getElementById('ex');
  function load(i) { q.value = examples[i].query; vars.value = JSON.stringify(examples[i].variables || {}, null, 2); }
  ex.onchange = () => load(ex.value); load(0);
  async function run() {
    let variables;
    try { variables = JSON.parse(vars.value || '{}'); } catch (e) { out.textContent = 'Variables are not valid JSON: ' + e.message; return; }
    status.textContent = 'running…'; const t = performance.now();
    try {
      const res = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query: q.value, variables }) });
      out.textContent = JSON.stringify(await res.json(), null, 2);
      status.textContent = res.status + ' in ' + Math.round(performance.now() - t) + ' ms';
    } catch (e) { out.textContent = String(e); status.textContent = 'failed'; }
  }
  document.getElementById('run').onclick = run;
  document.addEventListener('keydown', (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') run(); });
</script>
</body></html>`;
}
