// Where the signed-in session lives. The bearer token is kept in localStorage so a reload
// (or a link opened in a new tab) stays signed in; see docs/decisions.md for the XSS
// trade-off this accepts and how the strict CSP limits it.
const TOKEN_KEY = "crossflow.token";
const LANGUAGE_KEY = "crossflow.language";

export type Language = "zh" | "en";

export function readToken(): string | null {
  return window.localStorage.getItem(TOKEN_KEY);
}

export function writeToken(token: string | null): void {
  if (token) window.localStorage.setItem(TOKEN_KEY, token);
  else window.localStorage.removeItem(TOKEN_KEY);
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
