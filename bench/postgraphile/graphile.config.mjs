// PostGraphile v5 over the seeded benchmark database: the reference of bench/compare.py.
// Amber is v5's recommended preset; simplify-inflection names fields as CrossFlow does
// (`tasks`, `requirements`, `assignee`, `initiator`, `requirementByCode`) instead of
// `allTasks` and `userByAssigneeId`. Everything else is PostGraphile's default, production
// style: no GraphiQL (Ruru), no schema watching, no explain.
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";

/** The preset for a pg Pool (server.mjs makes it, so it can count the statements sent). */
export function makePreset(pool) {
  return {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
    pgServices: [makePgService({ pool, schemas: ["public"], pubsub: false })],
    grafserv: { graphiql: false, watch: false },
    grafast: { explain: false },
  };
}
