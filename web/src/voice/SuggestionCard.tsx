// 改进建议: anyone proposes a process improvement (痛点, 建议方案, 预期效果); the admin
// evaluates it in the panel.
import { useMutation } from "@apollo/client";
import { Alert, App, Button, Card, Form, Input } from "antd";
import { errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";

const CREATE_SUGGESTION = graphql(`
  mutation CreateSuggestion($input: CreateSuggestionInput!) {
    createSuggestion(input: $input) {
      id
    }
  }
`);

interface Values {
  painPoint: string;
  proposal: string;
  expectedEffect?: string;
}

export function SuggestionCard() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [create, { loading, error }] = useMutation(CREATE_SUGGESTION);
  const required = (label: string) => [
    { required: true, whitespace: true, message: t("field.required", { label }) },
  ];
  const send = async (values: Values) => {
    const done = await create({
      variables: {
        input: { painPoint: values.painPoint, proposal: values.proposal, expectedEffect: values.expectedEffect ?? "" },
      },
    }).catch(() => null);
    if (done) {
      form.resetFields();
      message.success(t("suggestion.sent"));
    }
  };
  return (
    <Card size="small" title={t("suggestion.title")} data-testid="suggestion-card">
      {error && <Alert type="error" showIcon message={errorText(error, t, language)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(values) => void send(values)}>
        <Form.Item label={t("suggestion.painPoint")} name="painPoint" rules={required(t("suggestion.painPoint"))}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t("suggestion.proposal")} name="proposal" rules={required(t("suggestion.proposal"))}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t("suggestion.expectedEffect")} name="expectedEffect">
          <Input.TextArea autoSize={{ minRows: 1 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t("suggestion.submit")}
        </Button>
      </Form>
    </Card>
  );
}
