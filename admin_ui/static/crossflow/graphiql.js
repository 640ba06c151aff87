// GraphiQL for the signed-in admin: the bearer token is preset in the Headers editor.
// Nothing is kept in localStorage (an in-memory storage), so the token leaves with the page.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("graphiql-config").textContent);
  // The panel lives at <root>/admin/graphiql; the API at <root>/graphql.
  var endpoint = new URL("../graphql", window.location.href);
  var subscriptions = new URL(endpoint.href);
  subscriptions.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";
  var authorization = "Bearer " + config.token;

  var memory = {};
  var storage = {
    getItem: function (key) { return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null; },
    setItem: function (key, value) { memory[key] = String(value); },
    removeItem: function (key) { delete memory[key]; },
    clear: function () { memory = {}; },
    get length() { return Object.keys(memory).length; },
  };

  var fetcher = GraphiQL.createFetcher({
    url: endpoint.href,
    subscriptionUrl: subscriptions.href,
    wsConnectionParams: { Authorization: authorization },
  });
  var headers = JSON.stringify({ Authorization: authorization }, null, 2);

  function App() {
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      storage: storage,
      defaultQuery: config.query,
      query: config.query,
      headers: headers,
      defaultHeaders: headers,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: "headers",
      plugins: [GraphiQLPluginExplorer.explorerPlugin()],
    });
  }

  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(App));
})();
