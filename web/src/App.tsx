// The app shell: theme and locale, the Apollo client, the session, and the routes.
// Screens other than sign-in are lazy-loaded to keep the first download small.
import { ApolloProvider, useApolloClient, useQuery } from "@apollo/client";
import { App as AntApp, ConfigProvider, Result, Spin } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { Component, lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { createApollo } from "./apollo";
import { I18nContext, translator, useI18n } from "./i18n";
import { LoginPage } from "./pages/LoginPage";
import {
  initialLanguage,
  readToken,
  rememberCompanySignIn,
  rememberLanguage,
  signedInWithCompany,
  writeToken,
  type Language,
} from "./session";
import { theme } from "./theme";
import { SessionContext, VIEWER } from "./viewer";

const Shell = lazy(() => import("./components/Shell"));
const MyWorkPage = lazy(() => import("./pages/MyWorkPage"));
const NewRequirementPage = lazy(() => import("./pages/NewRequirementPage"));
const RequirementPage = lazy(() => import("./pages/RequirementPage"));
const TaskPage = lazy(() => import("./pages/TaskPage"));
const AccountPage = lazy(() => import("./pages/AccountPage"));
const BoardPage = lazy(() => import("./pages/BoardPage"));
const KnowledgePage = lazy(() => import("./pages/KnowledgePage"));
const ArchivePage = lazy(() => import("./pages/ArchivePage"));
const EditRequirementPage = lazy(() => import("./pages/EditRequirementPage"));

const { client, ws } = createApollo();

class ErrorBoundary extends Component<{ children: ReactNode; fallback: ReactNode }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Loading() {
  return <Spin style={{ display: "block", margin: "20vh auto" }} size="large" />;
}

function Routed() {
  const apollo = useApolloClient();
  const { t, language, setLanguage } = useI18n();
  const [token, setToken] = useState(readToken);
  const { data, loading } = useQuery(VIEWER, { skip: !token, fetchPolicy: "network-only" });
  // Signed in, the account's language (set on the account page) wins over the browser's.
  const accountLanguage = data?.viewer?.language;
  useEffect(() => {
    if ((accountLanguage === "zh" || accountLanguage === "en") && accountLanguage !== language) {
      setLanguage(accountLanguage);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the account's changes
  }, [accountLanguage]);

  const signIn = useCallback((fresh: string) => {
    writeToken(fresh);
    setToken(fresh);
  }, []);
  const signOut = useCallback(() => {
    writeToken(null);
    setToken(null);
    ws.terminate();
    void apollo.clearStore();
    if (signedInWithCompany()) {
      rememberCompanySignIn(false);
      window.location.assign("/auth/oidc/logout"); // the provider's sign-out, when it has one
    }
  }, [apollo]);
  const replaceToken = useCallback((fresh: string) => {
    writeToken(fresh);
    ws.terminate();
  }, []);

  if (token && loading && !data) return <Loading />;
  const viewer = token ? data?.viewer : null;
  if (!viewer) {
    if (token && data) writeToken(null); // expired or revoked: sign in again
    return (
      <Routes>
        <Route path="*" element={<LoginPage onSignedIn={signIn} />} />
      </Routes>
    );
  }
  return (
    <SessionContext.Provider value={{ viewer, signOut, replaceToken }}>
      <ErrorBoundary fallback={<Result status="error" title={t("error.page")} />}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route element={<Shell />}>
              <Route index element={<MyWorkPage />} />
              <Route path="requirements/new" element={<NewRequirementPage />} />
              <Route path="requirements/:code" element={<RequirementPage />} />
              <Route path="requirements/:code/edit" element={<EditRequirementPage />} />
              <Route path="tasks/:code" element={<TaskPage />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="board" element={<BoardPage />} />
              <Route path="knowledge" element={<KnowledgePage />} />
              <Route path="knowledge/:id" element={<ArchivePage />} />
              <Route path="login" element={<Navigate to="/" replace />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Route>
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </SessionContext.Provider>
  );
}

export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const i18n = useMemo(
    () => ({
      language,
      t: translator(language),
      setLanguage: (next: Language) => {
        rememberLanguage(next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  dayjs.locale(language === "en" ? "en" : "zh-cn");
  document.documentElement.lang = language === "en" ? "en" : "zh-CN";
  return (
    <ConfigProvider locale={language === "en" ? enUS : zhCN} theme={theme}>
      <AntApp>
        <I18nContext.Provider value={i18n}>
          <ApolloProvider client={client}>
            <BrowserRouter>
              <Routed />
            </BrowserRouter>
          </ApolloProvider>
        </I18nContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
