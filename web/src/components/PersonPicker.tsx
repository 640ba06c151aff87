// Picking people (a delegate, a USER field, meeting attendees): the directory is searched on
// the server as the person types (`users(filter: {text})`), so anyone in a company of any
// size can be found; a list loaded once would stop at the API's page of 100.
import { useQuery } from "@apollo/client";
import { Select } from "antd";
import type { SelectProps } from "antd";
import { useEffect, useMemo, useState } from "react";
import { graphql } from "../gql";
import { useI18n } from "../i18n";

const SEARCH = graphql(`
  query PersonSearch($text: String, $departmentIds: [ID!]) {
    users(filter: { text: $text, departmentIds: $departmentIds }, first: 20) {
      edges {
        node {
          id
          username
          displayName
          department {
            id
            name
            nameEn
          }
        }
      }
    }
  }
`);

export interface Person {
  value: string;
  label: string;
}

/** Waits this long after the last key before asking the server. */
const PAUSE_MS = 250;

type Props = Omit<SelectProps, "options" | "onSearch" | "showSearch" | "filterOption"> & {
  /** People already chosen, so their names show before any search (an edited value). */
  known?: Person[];
  /** Leave these out of the answers (e.g. yourself as your own delegate). */
  excludeIds?: string[];
  /** Only members of these departments (a task's assignee is of its executing department). */
  departmentIds?: string[];
  "aria-required"?: unknown;
};

export function PersonPicker({ known = [], excludeIds = [], departmentIds, "aria-required": _required, ...props }: Props) {
  // (no `aria-required` on Ant Design's plain div: axe's aria-allowed-attr; the label keeps the mark)
  const { t, language } = useI18n();
  const [typed, setTyped] = useState("");
  const [text, setText] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setText(typed.trim()), PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const { data, loading, previousData } = useQuery(SEARCH, {
    variables: { text: text || null, departmentIds: departmentIds ?? null },
  });
  const found = (data ?? previousData)?.users.edges ?? [];
  const options = useMemo(() => {
    const seen = new Map<string, Person>();
    for (const person of known) seen.set(person.value, person);
    for (const { node } of found) {
      const department = node.department
        ? ` · ${language === "en" && node.department.nameEn ? node.department.nameEn : node.department.name}`
        : "";
      seen.set(node.id, { value: node.id, label: `${node.displayName}${department} (@${node.username})` });
    }
    return [...seen.values()].filter((person) => !excludeIds.includes(person.value));
  }, [known, found, excludeIds, language]);
  return (
    <Select
      placeholder={t("field.select")}
      {...props}
      showSearch
      filterOption={false}
      loading={loading}
      options={options}
      onSearch={setTyped}
      onDropdownVisibleChange={(open) => (open ? undefined : setTyped(""))}
      notFoundContent={loading ? t("people.searching") : t("people.none")}
    />
  );
}
