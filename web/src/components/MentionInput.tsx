// A comment box that completes @mentions by name: typing "@周" lists the people whose name
// or username contains it, and picking one inserts "@username", which the API notifies.
import { useLazyQuery } from "@apollo/client";
import { Mentions } from "antd";
import { useRef } from "react";
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

/** What the server takes as part of a word before "@" (resolvers/comments.py `MENTION`):
 * after one of these, "@name" reads as an e-mail address and notifies nobody. */
const WORD_BEFORE_AT = /[A-Za-z0-9_.@-]/;

/** `text` with a space put before each "@username" that follows a letter, digit or one of
 * `_.@-` ("ok@sales_head" → "ok @sales_head"), so the server reads it as a mention.
 * Chinese before "@" ("请@sales_head") is already a mention and stays as typed. */
export function spacedMention(text: string, username: string): string {
  const escaped = username.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  return text.replace(new RegExp(`(.)@${escaped}(?![A-Za-z0-9_.-]*[A-Za-z0-9_])`, "g"), (whole, before: string) =>
    WORD_BEFORE_AT.test(before) ? `${before} @${username}` : whole,
  );
}

export function MentionInput(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const [find, { data, loading }] = useLazyQuery(PEOPLE);
  // The text as last changed: Ant Design reports a pick after the change that inserted it.
  const latest = useRef(props.value ?? "");
  const options = (data?.users.edges ?? []).map(({ node }) => ({
    key: node.id,
    value: node.username,
    label: `${node.displayName}${node.department ? ` · ${node.department.name}` : ""} (@${node.username})`,
  }));
  const change = (text: string) => {
    latest.current = text;
    props.onChange?.(text);
  };
  return (
    <Mentions
      id={props.id}
      value={props.value}
      onChange={change}
      onSelect={(option) => {
        const spaced = spacedMention(latest.current, option.value ?? "");
        if (spaced !== latest.current) change(spaced);
      }}
      autoSize={{ minRows: 2 }}
      loading={loading}
      filterOption={false}
      options={options}
      onSearch={(text) => void (text ? find({ variables: { text } }) : undefined)}
    />
  );
}
