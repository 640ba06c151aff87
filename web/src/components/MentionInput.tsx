// A comment box that completes @mentions by name: typing "@周" lists the people whose name
// or username contains it, and picking one inserts "@username", which the API notifies.
import { useLazyQuery } from "@apollo/client";
import { Mentions } from "antd";
import { graphql } from "../gql";

const PEOPLE = graphql(`
  query MentionCandidates($text: String!) {
    users(filter: { text: $text }, first: 10) {
      edges {
        node {
          id
          username
          displayName
          department {
            id
            name
          }
        }
      }
    }
  }
`);

export function MentionInput(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const [find, { data, loading }] = useLazyQuery(PEOPLE);
  const options = (data?.users.edges ?? []).map(({ node }) => ({
    key: node.id,
    value: node.username,
    label: `${node.displayName}${node.department ? ` · ${node.department.name}` : ""} (@${node.username})`,
  }));
  return (
    <Mentions
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      autoSize={{ minRows: 2 }}
      loading={loading}
      filterOption={false}
      options={options}
      onSearch={(text) => void (text ? find({ variables: { text } }) : undefined)}
    />
  );
}
