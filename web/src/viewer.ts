// Who is signed in, shared by every screen.
import { createContext, useContext } from "react";
import { graphql } from "./gql";
import type { ViewerQuery } from "./gql/graphql";

export const VIEWER = graphql(`
  query Viewer {
    viewer {
      id
      username
      displayName
      role
      language
      department {
        id
        name
        nameEn
      }
    }
  }
`);

export type SignedInUser = NonNullable<ViewerQuery["viewer"]>;

export interface Session {
  viewer: SignedInUser;
  signOut: () => void;
  replaceToken: (token: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}
