// Sign in with the API's `login` mutation; the token is kept (see session.ts).
import { useMutation } from "@apollo/client";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { graphql } from "../gql";
import { errorText } from "../errors";
import { useI18n } from "../i18n";

const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
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
  const submit = async (values: Values) => {
    const result = await login({ variables: { input: values } }).catch(() => null);
    const token = result?.data?.login.token;
    if (token) onSignedIn(token);
  };
  return (
    <main className="login">
      <Card style={{ width: "min(380px, 92vw)" }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          CrossFlow {t("appName")}
        </Typography.Title>
        <Typography.Paragraph>{t("login.title")}</Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon message={errorText(error, t, language)} style={{ marginBottom: 16 }} />
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
        <Button type="link" style={{ marginTop: 8, paddingInline: 0 }} onClick={() => setLanguage(language === "en" ? "zh" : "en")}>
          {language === "en" ? "中文" : "English"}
        </Button>
      </Card>
    </main>
  );
}
