// Sign in with the API's `login` mutation, or with the company account: /auth/company/login
// sends the browser to the identity provider (OpenID Connect, or a suite such as Feishu),
// which comes back to the server's callback; the server then returns here with a one-time
// code in the URL fragment (never sent to a server), traded for the token through
// `redeemSignOnCode`.
// The token is kept (see session.ts).
import { useMutation, useQuery } from "@apollo/client";
import { Alert, Button, Card, Divider, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { graphql } from "../gql";
import { errorText } from "../errors";
import { useI18n, word } from "../i18n";
import { rememberCompanySignIn, takeSignOnResult } from "../session";

const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
    }
  }
`);

const COMPANY_SIGN_IN = graphql(`
  query CompanySignIn {
    companySignIn
  }
`);

const REDEEM = graphql(`
  mutation RedeemSignOnCode($code: String!) {
    redeemSignOnCode(code: $code) {
      token
    }
  }
`);


interface Values {
  username: string;
  password: string;
}

export function LoginPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { t, language, setLanguage } = useI18n();
  const [login, { loading, error }] = useMutation(LOGIN);
  const [redeem, redeeming] = useMutation(REDEEM);
  const company = useQuery(COMPANY_SIGN_IN);
  const [signOn] = useState(takeSignOnResult);
  useEffect(() => {
    if (!signOn.code) return;
    void redeem({ variables: { code: signOn.code } })
      .then((result) => {
        const token = result.data?.redeemSignOnCode.token;
        if (!token) return;
        rememberCompanySignIn(true);
        onSignedIn(token);
      })
      .catch(() => null);
  }, [signOn, redeem, onSignedIn]);
  const submit = async (values: Values) => {
    const result = await login({ variables: { input: values } }).catch(() => null);
    const token = result?.data?.login.token;
    if (token) {
      rememberCompanySignIn(false);
      onSignedIn(token);
    }
  };
  // Each reason the server's sign-in routes give (`#sso_error=ACCOUNT_CONFLICT`…) has its own
  // text ("sso.<reason>"); an unknown one still says that the sign-in failed.
  const known = signOn.error ? word(t, "sso", signOn.error) : null;
  const refusal = signOn.error ? (known === signOn.error ? t("sso.failed") : known) : null;
  const problem = error ?? redeeming.error;
  return (
    <main className="login">
      <Card style={{ width: "min(380px, 92vw)" }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          CrossFlow {t("appName")}
        </Typography.Title>
        <Typography.Paragraph>{t("login.title")}</Typography.Paragraph>
        {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 16 }} />}
        {problem && (
          <Alert type="error" showIcon message={errorText(problem, t, language)} style={{ marginBottom: 16 }} />
        )}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label={t("login.username")}
            name="username"
            rules={[{ required: true, message: t("login.required", { field: t("login.username") }) }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("login.password")}
            name="password"
            rules={[{ required: true, message: t("login.required", { field: t("login.password") }) }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loading}>
            {t("login.submit")}
          </Button>
        </Form>
        {company.data?.companySignIn && (
          <>
            <Divider plain>{t("login.or")}</Divider>
            <Button block href="/auth/company/login?to=workbench" loading={redeeming.loading}>
              {t("login.company")}
            </Button>
          </>
        )}
        <Button type="link" style={{ marginTop: 8, paddingInline: 0 }} onClick={() => setLanguage(language === "en" ? "zh" : "en")}>
          {language === "en" ? "中文" : "English"}
        </Button>
      </Card>
    </main>
  );
}
