// 反馈: a participant's one feedback form on a completed requirement (praise, a problem or
// a suggestion, optionally naming departments). Shown while 待办事项 lists it as awaited.
import { useMutation } from "@apollo/client";
import { Alert, App, Button, Card, Form, Input, Radio, Select } from "antd";
import { errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import { MY_WORK } from "../work";

const SUBMIT_FEEDBACK = graphql(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      id
      kind
    }
  }
`);

interface Values {
  kind: "PRAISE" | "PROBLEM" | "SUGGESTION";
  content: string;
  departmentIds?: string[];
  proposal?: string;
}

export function FeedbackCard({
  requirementId,
  departments,
}: {
  requirementId: string;
  departments: { value: string; label: string }[];
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submit, { loading, error }] = useMutation(SUBMIT_FEEDBACK, { refetchQueries: [MY_WORK] });
  const send = async (values: Values) => {
    const done = await submit({
      variables: {
        input: {
          requirementId,
          kind: values.kind,
          content: values.content,
          departmentIds: values.departmentIds ?? [],
          proposal: values.proposal ?? "",
        },
      },
    }).catch(() => null);
    if (done) message.success(t("feedback.sent"));
  };
  return (
    <Card size="small" title={t("feedback.title")} data-testid="feedback-card">
      {error && <Alert type="error" showIcon message={errorText(error, t, language)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: "PRAISE" }} onFinish={(values) => void send(values)}>
        <Form.Item label={t("feedback.kind")} name="kind">
          <Radio.Group
            optionType="button"
            options={(["PRAISE", "PROBLEM", "SUGGESTION"] as const).map((kind) => ({
              value: kind,
              label: t(`feedback.${kind}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t("feedback.content")}
          name="content"
          rules={[{ required: true, whitespace: true, message: t("field.required", { label: t("feedback.content") }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t("feedback.departments")} name="departmentIds">
          <Select mode="multiple" optionFilterProp="label" options={departments} />
        </Form.Item>
        <Form.Item label={t("feedback.proposal")} name="proposal">
          <Input.TextArea autoSize={{ minRows: 1 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t("feedback.submit")}
        </Button>
      </Form>
    </Card>
  );
}
