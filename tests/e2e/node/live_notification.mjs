// The `graphql-ws` client (what Apollo, urql, Relay and GraphiQL use for live data), signed
// in through connectionParams, listening for the viewer's next notification.
//
//   node live_notification.mjs <ws://host:port/graphql> <token>
//
// Prints one JSON line per event, for tests/e2e/test_node_clients.py to read:
// {"event":"connected"} once the server acknowledged the sign-in, {"event":"next",...} for
// each notification, {"event":"closed","code":...} when the server closes the socket. It
// listens until it is stopped, the socket closes, or WAIT_MS (30 s) have passed.
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [url, token] = process.argv.slice(2);
const emit = (event) => console.log(JSON.stringify(event));

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
  retryAttempts: 0,
  on: {
    connected: () => emit({ event: "connected" }),
    closed: (event) => emit({ event: "closed", code: event.code, reason: event.reason }),
  },
});

const giveUp = setTimeout(() => {
  emit({ event: "timeout" });
  process.exit(2);
}, Number(process.env.WAIT_MS ?? 30000));

client.subscribe(
  { query: "subscription { notificationAdded { kind title } }" },
  {
    next: (result) => emit({ event: "next", data: result.data ?? null, errors: result.errors ?? null }),
    error: () => {
      // the close event above already said why
      clearTimeout(giveUp);
      client.dispose();
    },
    complete: () => {},
  },
);
