// Apollo Client reading a dashboard of several roots, one of them switched by @include,
// as a frontend team writes it:
//
//   node apollo_dashboard.mjs <http://host:port/graphql> <token>
//
// Prints one JSON object: the data without and with the switched root, and how many people
// the normalised cache holds (the viewer once, however often it is named).
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";

const [uri, token] = process.argv.slice(2);

const client = new ApolloClient({
  link: new HttpLink({ uri, headers: { Authorization: `Bearer ${token}` } }),
  cache: new InMemoryCache(),
});

const DASHBOARD = gql`
  query Dashboard($withTasks: Boolean!) {
    viewer { id username department { id name } }
    myTasks(first: 5) @include(if: $withTasks) {
      totalCount
      edges { node { id code assignee { id username } requirement { id code } } }
    }
    departments { id code name }
  }
`;

const read = async (withTasks) =>
  (await client.query({ query: DASHBOARD, variables: { withTasks }, fetchPolicy: "network-only" }))
    .data;
const without = await read(false);
const withTasks = await read(true);
const people = Object.keys(client.cache.extract()).filter((key) => key.startsWith("User:"));
console.log(JSON.stringify({ without, withTasks, people: people.length }));
