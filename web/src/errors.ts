// Every error the API can give, as a sentence the person understands; BAD_USER_INPUT
// errors are also returned by the input field they name, so forms can show them in place.
import { ApolloError } from "@apollo/client";
import type { GraphQLFormattedError } from "graphql";
import { localMessage, type Translate } from "./i18n";
import type { Language } from "./session";

function firstError(error: unknown): GraphQLFormattedError | undefined {
  return error instanceof ApolloError ? error.graphQLErrors[0] : undefined;
}

export function errorCode(error: unknown): string | undefined {
  const code = firstError(error)?.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

export function errorText(error: unknown, t: Translate, language: Language): string {
  const graphql = firstError(error);
  if (graphql) return localMessage(graphql.message, language);
  if (error instanceof ApolloError && error.networkError) return t("error.network");
  return t("error.unknown");
}

/** The form path of the field a BAD_USER_INPUT error names: "customFields.budget", or
 * "input.title" when named by the variable (every mutation here takes `$input`). */
export function errorField(error: unknown): (string | number)[] | undefined {
  const graphql = firstError(error);
  const field = graphql?.extensions?.field;
  if (graphql?.extensions?.code !== "BAD_USER_INPUT" || typeof field !== "string") return undefined;
  const path = field.split(".");
  return path[0] === "input" && path.length > 1 ? path.slice(1) : path;
}

/** The message as shown under its field: without a leading field path it may repeat. */
export function errorTextOnField(error: unknown, t: Translate, language: Language): string {
  const text = errorText(error, t, language);
  const field = firstError(error)?.extensions?.field;
  return typeof field === "string" && text.startsWith(field) ? text.slice(field.length).trim() : text;
}
