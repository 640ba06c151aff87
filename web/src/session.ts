// Where the signed-in session lives. The bearer token is kept in localStorage so a reload
// (or a link opened in a new tab) stays signed in; see docs/decisions.md for the XSS
// trade-off this accepts and how the strict CSP limits it.
const TOKEN_KEY = "crossflow.token";
const LANGUAGE_KEY = "crossflow.language";
const SSO_KEY = "crossflow.sso";

export type Language = "zh" | "en";

export function readToken(): string | null {
  return window.localStorage.getItem(TOKEN_KEY);
}

export function writeToken(token: string | null): void {
  if (token) window.localStorage.setItem(TOKEN_KEY, token);
  else window.localStorage.removeItem(TOKEN_KEY);
}

/** Whether this session began at the company's identity provider: signing out then goes on
 * to the provider's own sign-out (/auth/oidc/logout). */
export function signedInWithCompany(): boolean {
  return window.localStorage.getItem(SSO_KEY) === "1";
}

export function rememberCompanySignIn(company: boolean): void {
  if (company) window.localStorage.setItem(SSO_KEY, "1");
  else window.localStorage.removeItem(SSO_KEY);
}

/** A sign-in's result the server put in the URL fragment (`#sso_code=` or `#sso_error=`),
 * read once and removed at once, so the one-time code stays in no history entry. */
export function takeSignOnResult(): { code: string | null; error: string | null } {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const code = fragment.get("sso_code");
  const error = fragment.get("sso_error");
  if (code || error) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  return { code, error };
}

/** The language chosen here before, else the browser's: English for `en*`, else Chinese. */
export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(LANGUAGE_KEY);
  if (stored === "zh" || stored === "en") return stored;
  return navigator.language.toLowerCase().startsWith("en") ? "en" : "zh";
}

export function rememberLanguage(language: Language): void {
  window.localStorage.setItem(LANGUAGE_KEY, language);
}
