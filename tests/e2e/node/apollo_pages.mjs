// Apollo Client as a frontend sets it up: an HTTP link with the bearer token, the cache's
// relayStylePagination for `tasks`, `fetchMore` with the last page's `endCursor`, then a
// mutation.
//
//   node apollo_pages.mjs <http://host:port/graphql> <token> <page size> <title> <department id>
//
// Prints one JSON object: what each page added to the cached list, and the created
// requirement.
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";

const [uri, token, pageSize, title, departmentId] = process.argv.slice(2);

const client = new ApolloClient({
  link: new HttpLink({ uri, headers: { Authorization: `Bearer ${token}` } }),
  cache: new InMemoryCache({
    typePolicies: { Query: { fields: { tasks: relayStylePagination(["filter", "orderBy"]) } } },
  }),
});

const TASKS = gql`
  query TaskPages($first: Int!, $after: String) {
    tasks(first: $first, after: $after, orderBy: {field: CODE, direction: ASC}) {
      totalCount
      edges { cursor node { id code title status } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const CREATE = gql`
  mutation Raise($input: CreateRequirementInput!) {
    createRequirement(input: $input) { id code title status }
  }
`;

const first = Number(pageSize);
const observable = client.watchQuery({ query: TASKS, variables: { first } });
const firstPage = await new Promise((resolve, reject) => {
  const subscription = observable.subscribe({
    next: (result) => {
      if (result.dataState === "complete") {
        subscription.unsubscribe();
        resolve(result.data);
      }
    },
    error: reject,
  });
});

const cachedLengths = [firstPage.tasks.edges.length];
let page = firstPage.tasks;
while (page.pageInfo.hasNextPage) {
  const more = await observable.fetchMore({ variables: { after: page.pageInfo.endCursor } });
  page = more.data.tasks;
  const cached = client.readQuery({ query: TASKS, variables: { first } });
  cachedLengths.push(cached.tasks.edges.length);
}
const all = client.readQuery({ query: TASKS, variables: { first } }).tasks;

const created = await client.mutate({
  mutation: CREATE,
  variables: { input: { title, involvedDepartmentIds: [departmentId] } },
});

console.log(
  JSON.stringify({
    totalCount: all.totalCount,
    cachedLengths,
    codes: all.edges.map((edge) => edge.node.code),
    hasNextPage: all.pageInfo.hasNextPage,
    created: created.data.createRequirement,
  }),
);
