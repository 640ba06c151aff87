// My account: the language of my screens (kept by the API for notifications too) and my
// password. A changed password signs other sessions out; this one carries on with the
// new token the API returns.
import { useMutation } from "@apollo/client";
import { App, Button, Card, Form, Input, Radio, Space, Typography } from "antd";
import { errorField, errorText, errorTextOnField } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import type { Language } from "../session";
import { useSession } from "../viewer";
import { DelegationCard } from "../voice/DelegationCard";
import { SuggestionCard } from "../voice/SuggestionCard";

const SET_LANGUAGE = graphql(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`);

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function AccountPage() {
  const { t, language, setLanguage } = useI18n();
  const { message } = App.useApp();
  const { viewer, replaceToken } = useSession();
  const [saveLanguage] = useMutation(SET_LANGUAGE);
  const [changePassword, { loading }] = useMutation(CHANGE_PASSWORD);
  const [form] = Form.useForm<PasswordValues>();
  const pick = async (next: Language) => {
    setLanguage(next);
    await saveLanguage({ variables: { language: next } }).catch((e: unknown) => message.error(errorText(e, t, next)));
  };
  const change = async (values: PasswordValues) => {
    try {
      const result = await changePassword({
        variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      });
      if (result.data) replaceToken(result.data.changePassword.token);
      form.resetFields();
      message.success(t("account.changed"));
    } catch (error) {
      const field = errorField(error);
      const text = errorText(error, t, language);
      if (field) form.setFields([{ name: field[0] as keyof PasswordValues, errors: [errorTextOnField(error, t, language)] }]);
      else message.error(text);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: "100%", maxWidth: 560 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t("nav.account")} · {viewer.displayName}
      </Typography.Title>
      <Card size="small" title={t("account.language")}>
        <Radio.Group value={language} onChange={(e) => void pick(e.target.value as Language)}>
          <Radio.Button value="zh">简体中文</Radio.Button>
          <Radio.Button value="en">English</Radio.Button>
        </Radio.Group>
      </Card>
      <Card size="small" title={t("account.password")}>
        <Form<PasswordValues> form={form} layout="vertical" onFinish={(values) => void change(values)}>
          <Form.Item label={t("account.current")} name="currentPassword" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label={t("account.new")} name="newPassword" rules={[{ required: true, min: 8, max: 128 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t("account.confirm")}
            name="confirm"
            dependencies={["newPassword"]}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue("newPassword")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("account.mismatch"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t("account.save")}
          </Button>
        </Form>
      </Card>
      {viewer.role === "DEPT_HEAD" && <DelegationCard />}
      <SuggestionCard />
    </Space>
  );
}
