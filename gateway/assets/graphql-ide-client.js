// The browser side of gateway/src/graphql-ide.ts: GraphiQL (React 18 and graphql-ws as UMD globals,
// all served by the gateway) on the URL this page came from. Queries and mutations go over HTTP;
// subscriptions over graphql-ws on the same URL, signed in with the Authorization header typed in
// GraphiQL's headers editor (the gateway reads it from connectionParams.authorization).
(function () {
  'use strict';

  const httpUrl = location.origin + location.pathname;
  const wsUrl = httpUrl.replace(/^http/, 'ws');

  // Lines short enough for the query editor at its usual width.
  const DEFAULT_QUERY = `# GraphiQL, served by the hub's gateway (on unless
# NODE_ENV=production; HUB_GRAPHQL_IDE decides).
#
# 1. Sign in and copy the token from the response
#    (npm start prints the demo logins; their password
#    is demo-password).
#
# 2. Open "Headers" below and write
#
#      { "Authorization": "Bearer <token>" }
#
#    Queries and mutations send it as the HTTP
#    Authorization header. Subscriptions run over
#    graphql-ws on this same URL and send it as
#    connectionParams.authorization when the WebSocket
#    opens (another header value opens another one).
#    Headers are not stored unless you say so in the
#    settings.
#
# 3. Then, for example:
#
#      { me { company { orders(first: 3) { id } } } }
#
#      subscription {
#        orderStatusChanged(orderId: "<an order id>") {
#          status
#        }
#      }

mutation SignIn {
  login(
    email: "anna@nordic-tools.example"
    password: "demo-password"
  ) {
    token
  }
}
`;

  const httpFetcher = GraphiQL.createFetcher({ url: httpUrl, enableIncrementalDelivery: false });

  function isSubscription(params, documentAST) {
    const operation = documentAST && GraphiQL.GraphQL.getOperationAST(documentAST, params.operationName || undefined);
    return Boolean(operation && operation.operation === 'subscription');
  }

  /** The Authorization header from the headers editor's JSON, whatever its spelling. */
  function authorizationOf(headers) {
    for (const name of Object.keys(headers || {})) {
      if (name.toLowerCase() === 'authorization' && headers[name]) return String(headers[name]);
    }
    return undefined;
  }

  // graphql-ws authenticates a connection once, when it opens: one lazy client (a WebSocket only
  // while it has subscriptions) per Authorization value.
  const clients = new Map();
  function clientFor(authorization) {
    const key = authorization || '';
    if (!clients.has(key)) {
      clients.set(key, graphqlWs.createClient({ url: wsUrl, lazy: true, connectionParams: authorization ? { authorization } : {} }));
    }
    return clients.get(key);
  }

  /** A refused token closes the WebSocket (4401) with a GraphQL error as JSON in the reason: show that error. */
  function readableError(error) {
    if (error && typeof error.code === 'number' && typeof error.reason === 'string') {
      try {
        return JSON.parse(error.reason);
      } catch {
        return new Error(`The WebSocket closed (${error.code}${error.reason ? ` ${error.reason}` : ''}).`);
      }
    }
    return error;
  }

  // A query that does not parse has no documentAST: it goes over HTTP, whose answer names the syntax error.
  function fetcher(params, options) {
    if (!isSubscription(params, options && options.documentAST)) return httpFetcher(params, options);
    const client = clientFor(authorizationOf(options && options.headers));
    // An observable: GraphiQL's stop button unsubscribes, which completes the subscription on the server.
    return {
      subscribe(sink) {
        const dispose = client.subscribe(params, {
          next: (result) => sink.next(result),
          error: (error) => sink.error(readableError(error)),
          complete: () => sink.complete(),
        });
        return { unsubscribe: dispose };
      },
    };
  }

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY, defaultEditorToolsVisibility: 'headers' }),
  );
})();
