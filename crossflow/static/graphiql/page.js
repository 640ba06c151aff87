// GraphiQL at /graphql, with the explorer plugin; everything it loads comes from this server.
// The API is the page's own URL; subscriptions use the websocket at the same path.
(function () {
  "use strict";
  var endpoint = new URL(window.location.pathname, window.location.href);
  var subscriptions = new URL(endpoint.href);
  subscriptions.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";

  // The websocket signs in once, in connection_init, not per request: one GraphiQL fetcher
  // (and socket) per Authorization typed under Headers, which it sends as connectionParams.
  var fetchers = {};
  function fetcher(params, options) {
    var headers = (options && options.headers) || {};
    var authorization = headers.Authorization || headers.authorization || "";
    if (!fetchers[authorization]) {
      fetchers[authorization] = GraphiQL.createFetcher({
        url: endpoint.href,
        subscriptionUrl: subscriptions.href,
        wsConnectionParams: authorization ? { Authorization: authorization } : {},
      });
    }
    return fetchers[authorization](params, options);
  }

  var defaultQuery = [
    "# CrossFlow GraphQL API: the Docs panel (book icon)",
    "# describes every type and field; docs/api.md is the guide.",
    "# Sign in, then put the token under Headers below:",
    '#   {"Authorization": "Bearer <token>"}',
    "mutation SignIn {",
    '  login(input: {username: "market_head", password: "demo"}) {',
    "    token",
    "    user { displayName role department { name } }",
    "  }",
    "}",
    "",
  ].join("\n");

  function App() {
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      plugins: [GraphiQLPluginExplorer.explorerPlugin()],
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(App));
})();
