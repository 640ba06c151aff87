// Every error the API can give, as a sentence the person understands; BAD_USER_INPUT
// errors are also returned by the input field they name, so forms can show them in place.
import { ApolloError } from "@apollo/client";
import type { FormInstance } from "antd";
import type { GraphQLFormattedError } from "graphql";
import { bilingual, localMessage, word, type Translate } from "./i18n";
import type { Language } from "./session";

function firstError(error: unknown): GraphQLFormattedError | undefined {
  return error instanceof ApolloError ? error.graphQLErrors[0] : undefined;
}

export function errorCode(error: unknown): string | undefined {
  const code = firstError(error)?.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

/** The first coded error of a refused HTTP request (a 400 or 413 carries one in its body). */
function serverError(error: unknown): GraphQLFormattedError | undefined {
  const network = error instanceof ApolloError ? error.networkError : undefined;
  const result = network && "result" in network ? network.result : undefined;
  const errors = typeof result === "object" && result !== null && "errors" in result ? result.errors : undefined;
  return Array.isArray(errors) ? (errors[0] as GraphQLFormattedError) : undefined;
}

/** The API's message in the viewer's language; one in a single language (GraphQL's own
 * validation errors are English only) gives way to the text of its code. */
export function errorText(error: unknown, t: Translate, language: Language): string {
  const graphql = firstError(error) ?? serverError(error);
  if (graphql) {
    const code = graphql.extensions?.code;
    const coded = typeof code === "string" ? word(t, "code", code) : undefined;
    if (bilingual(graphql.message) || !coded || coded === code) return localMessage(graphql.message, language);
    return coded;
  }
  if (error instanceof ApolloError && error.networkError) return t("error.network");
  return t("error.unknown");
}

/** The form path of the field a BAD_USER_INPUT error names: "customFields.budget", or
 * "input.title" when named by the variable (every mutation here takes `$input`). */
export function errorField(error: unknown): (string | number)[] | undefined {
  const graphql = firstError(error);
  const field = graphql?.extensions?.field;
  if (graphql?.extensions?.code !== "BAD_USER_INPUT" || typeof field !== "string") return undefined;
  // "items.1.content": a list's index is a number in the form's path.
  const path = field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return path[0] === "input" && path.length > 1 ? path.slice(1) : path;
}

/** The message as shown under its field: without a leading field path it may repeat. */
export function errorTextOnField(error: unknown, t: Translate, language: Language): string {
  const text = errorText(error, t, language);
  const field = firstError(error)?.extensions?.field;
  return typeof field === "string" && text.startsWith(field) ? text.slice(field.length).trim() : text;
}

/** Shows a BAD_USER_INPUT under the form field it names, if the form has that field (by
 * the form's own list: a custom component such as a custom field's input has no instance
 * to look up); false when it has not, for the caller to show the message elsewhere. */
export function showOnField(form: FormInstance, error: unknown, t: Translate, language: Language): boolean {
  const field = errorField(error);
  if (!field) return false;
  const same = (name: (string | number)[]) => name.length === field.length && name.every((part, i) => part === field[i]);
  if (!form.getFieldsError().some((entry) => same(entry.name))) return false;
  form.setFields([{ name: field, errors: [errorTextOnField(error, t, language)] }]);
  form.scrollToField(field);
  return true;
}

/** How long a RATE_LIMITED refusal asks to wait (its `retryAfterSeconds`), if it says. */
export function retryAfterSeconds(error: unknown): number | undefined {
  const graphql = firstError(error);
  const wait = graphql?.extensions?.retryAfterSeconds;
  return graphql?.extensions?.code === "RATE_LIMITED" && typeof wait === "number" ? wait : undefined;
}
