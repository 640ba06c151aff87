// One Apollo Client for the app: HTTP for queries and mutations, graphql-ws for the
// `notificationAdded` subscription, the bearer token on both.
import { ApolloClient, HttpLink, InMemoryCache, split } from "@apollo/client";
import { setContext } from "@apollo/client/link/context";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { relayStylePagination, getMainDefinition } from "@apollo/client/utilities";
import { createClient, type Client } from "graphql-ws";
import { readToken } from "./session";

export function websocketUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}/graphql`;
}

export function createApollo(): { client: ApolloClient<object>; ws: Client } {
  const ws = createClient({
    url: websocketUrl(),
    lazy: true,
    // Read at each (re)connection, so signing in again re-authenticates the socket.
    connectionParams: () => {
      const token = readToken();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: 20,
    shouldRetry: () => true,
  });
  const auth = setContext((_, { headers }) => {
    const token = readToken();
    return { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const http = auth.concat(new HttpLink({ uri: "/graphql" }));
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === "OperationDefinition" && definition.operation === "subscription";
    },
    new GraphQLWsLink(ws),
    http,
  );
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            requirements: relayStylePagination(["filter", "orderBy"]),
            myTasks: relayStylePagination(["filter", "orderBy"]),
            notifications: relayStylePagination(["unreadOnly", "filter", "orderBy"]),
            archives: relayStylePagination(["search", "filter", "orderBy"]),
          },
        },
        MyWork: { merge: false },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
  return { client, ws };
}
