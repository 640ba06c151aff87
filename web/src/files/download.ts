// Downloads that open like a plain link: the address (an attachment version's downloadUrl,
// a meeting's icsUrl, a /reports/… address) is signed by the API for a few minutes
// (`signDownloadLink`), and the browser then follows the signed URL itself. No bearer
// token ever goes into a URL; the link carries the person's rights for that one address.
import { useMutation } from "@apollo/client";
import { App } from "antd";
import { errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";

const SIGN = graphql(`
  mutation SignDownloadLink($path: String!) {
    signDownloadLink(path: $path) {
      url
      expiresAt
    }
  }
`);

/** A function that signs `path` and opens it; refusals are shown as a message. */
export function useDownload(): (path: string) => Promise<void> {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [sign] = useMutation(SIGN, { fetchPolicy: "no-cache" });
  return async (path) => {
    try {
      const { data } = await sign({ variables: { path } });
      if (data) window.location.assign(data.signDownloadLink.url);
    } catch (error) {
      message.error(errorText(error, t, language));
    }
  };
}
