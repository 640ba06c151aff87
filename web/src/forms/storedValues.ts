// A requirement's stored custom field values (`Requirement.customFields`) as the edit form's
// values, and back: only what changed is sent, a cleared field as null (the API merges the
// values over the stored ones, and null clears one: UpdateRequirementInput.customFields).
import dayjs from "dayjs";
import { graphql } from "../gql";
import type { StoredCustomValueFragment } from "../gql/graphql";
import { customFieldValues, type Choice, type FieldDefinition } from "./customFields";

export const STORED_CUSTOM_VALUE = graphql(`
  fragment StoredCustomValue on CustomFieldValue {
    key
    type
    retired
    textValue
    numberValue
    moneyValue
    dateValue
    choices {
      value
    }
    user {
      id
      displayName
    }
    department {
      id
    }
    file {
      id
      fileName
    }
  }
`);

export interface Stored {
  /** The form's values by key (a FILE field's file is not a form value: see `files`). */
  values: Record<string, unknown>;
  /** The people chosen in USER fields, so the picker names them before any search. */
  people: Choice[];
  /** The file name a FILE field holds, by key. */
  files: Record<string, string>;
}

export function storedCustomValues(stored: readonly StoredCustomValueFragment[]): Stored {
  const out: Stored = { values: {}, people: [], files: {} };
  for (const value of stored) {
    if (value.retired) continue;
    switch (value.type) {
      case "TEXT":
        out.values[value.key] = value.textValue ?? undefined;
        break;
      case "NUMBER":
        out.values[value.key] = value.numberValue ?? undefined;
        break;
      case "MONEY":
        out.values[value.key] = value.moneyValue ?? undefined;
        break;
      case "DATE":
        out.values[value.key] = value.dateValue ? dayjs(value.dateValue) : undefined;
        break;
      case "CHOICE":
        out.values[value.key] = value.choices?.[0]?.value;
        break;
      case "MULTI_CHOICE":
        out.values[value.key] = value.choices?.map((c) => c.value) ?? [];
        break;
      case "USER":
        out.values[value.key] = value.user?.id;
        if (value.user) out.people.push({ value: value.user.id, label: value.user.displayName });
        break;
      case "DEPARTMENT":
        out.values[value.key] = value.department?.id;
        break;
      case "FILE":
        if (value.file) out.files[value.key] = value.file.fileName;
        break;
    }
  }
  return out;
}

/** The `customFields` to send: the form's values, and null for each stored one now blank. */
export function editedCustomValues(
  fields: FieldDefinition[],
  values: Record<string, unknown> | undefined,
  stored: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = customFieldValues(fields, values);
  for (const field of fields) {
    if (field.type !== "FILE" && !(field.key in out) && stored[field.key] !== undefined) out[field.key] = null;
  }
  return out;
}
