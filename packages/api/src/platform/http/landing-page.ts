/**
 * The page served to a browser at GET /graphql. Self-contained (no CDN), so it works on an
 * offline clinical network: a query box that posts to the same URL with a bearer token.
 */
export const LANDING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pcn-hub API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#212b32}
h1{color:#005eb8}textarea,input{width:100%;font:13px ui-monospace,monospace;box-sizing:border-box;padding:.5rem}
textarea{height:12rem}pre{background:#f0f4f5;padding:1rem;overflow:auto;min-height:6rem}
button{background:#007f3b;color:#fff;border:0;padding:.6rem 1.2rem;font-size:15px;cursor:pointer}
</style></head><body>
<h1>pcn-hub GraphQL API</h1>
<p>POST GraphQL requests to this URL; subscriptions use graphql-ws on the same URL.
In development, get a token with <code>pnpm demo-token --user hub.manager</code>.</p>
<label>Bearer token <input id="token" autocomplete="off"></label>
<label>Query <textarea id="query">{ viewer { id roles organisation { odsCode name kind } } }</textarea></label>
<label>Variables (JSON) <input id="variables" value="{}"></label>
<p><button id="run">Run</button></p><pre id="out"></pre>
<script>
document.getElementById('run').onclick = async () => {
  const out = document.getElementById('out');
  const token = document.getElementById('token').value.trim();
  let variables;
  try { variables = JSON.parse(document.getElementById('variables').value || '{}'); }
  catch { out.textContent = 'Variables are not valid JSON'; return; }
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = 'Bearer ' + token;
  const res = await fetch(location.pathname, { method: 'POST', headers,
    body: JSON.stringify({ query: document.getElementById('query').value, variables }) });
  out.textContent = res.status + '\\n' + JSON.stringify(await res.json(), null, 2);
};
</script></body></html>`;
