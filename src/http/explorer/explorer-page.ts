import { ASSET_PATH } from './assets';
import type { ExampleTab } from './example-operations';

export interface ExplorerConfig {
  /** Where GraphiQL sends operations; subscriptions go to the same path over WebSocket. */
  endpoint: string;
  tabs: ExampleTab[];
}

/** JSON inside a <script> element: "<" escaped so no string in it can close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

// Runs in the browser. GraphiQL's UMD bundle includes graphql-ws, used for subscription operations.
const BOOT = `
(function () {
  var config = JSON.parse(document.getElementById('explorer-config').textContent);
  var http = new URL(config.endpoint, window.location.href);
  var ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  var fetcher = GraphiQL.createFetcher({ url: http.href, subscriptionUrl: ws.href });
  ReactDOM.createRoot(document.getElementById('explorer')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: config.tabs, defaultEditorToolsVisibility: 'variables' })
  );
})();
`;

export function explorerPage(config: ExplorerConfig, nonce: string): string {
  return `<!doctype html>
<html lang="ja">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>plan-ledger GraphQL explorer</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${ASSET_PATH}/graphiql.css">
  <style nonce="${nonce}">html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="explorer">Loading the explorer…</div>
  <script id="explorer-config" type="application/json">${scriptJson(config)}</script>
  <script src="${ASSET_PATH}/react.js"></script>
  <script src="${ASSET_PATH}/react-dom.js"></script>
  <script src="${ASSET_PATH}/graphiql.js"></script>
  <script nonce="${nonce}">${BOOT}</script>
</body>
</html>
`;
}
