// File uploads as the GraphQL multipart request (operations, map, the file part), which
// Apollo's HTTP link does not send. The server asks for the X-CrossFlow-CSRF header on
// multipart requests: a cross-site form cannot set it.
import { ApolloError } from "@apollo/client";
import type { GraphQLFormattedError } from "graphql";
import { print } from "graphql";
import { graphql } from "../gql";
import { readToken } from "../session";

const UPLOAD = graphql(`
  mutation UploadAttachment($input: UploadAttachmentInput!) {
    uploadAttachment(input: $input) {
      id
      currentVersion
    }
  }
`);

export interface UploadTarget {
  requirementId: string;
  taskId?: string | null;
}

/** Uploads `file` (a new attachment, or a new version of the one with its name); the
 * attachment's id, which a FILE form field takes as its value. */
export async function uploadAttachment(file: File, target: UploadTarget, note: string): Promise<string> {
  const variables = { input: { file: null, requirementId: target.requirementId, taskId: target.taskId ?? null, note } };
  const body = new FormData();
  body.append("operations", JSON.stringify({ query: print(UPLOAD), variables }));
  body.append("map", JSON.stringify({ "0": ["variables.input.file"] }));
  body.append("0", file, file.name);
  const token = readToken();
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      body,
      headers: { "X-CrossFlow-CSRF": "1", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch (networkError) {
    throw new ApolloError({ networkError: networkError as Error });
  }
  const result = (await response.json().catch(() => ({}))) as {
    data?: { uploadAttachment?: { id: string } };
    errors?: GraphQLFormattedError[];
  };
  if (result.errors?.length) throw new ApolloError({ graphQLErrors: result.errors });
  const id = result.data?.uploadAttachment?.id;
  if (!response.ok || !id) throw new ApolloError({ networkError: new Error(`HTTP ${response.status}`) });
  return id;
}
