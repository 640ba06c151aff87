// 协作反馈表: a participant's one feedback form on a completed requirement, with as many rows
// (反馈项) as they like, each a praise, a problem or a suggestion naming departments and
// people, sent together in one `submitFeedback`. Shown while 待办事项 lists it as awaited;
// the server refuses a second form from the same person (INVALID_TRANSITION).
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation } from "@apollo/client";
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Typography } from "antd";
import type { SelectProps } from "antd";
import { useState } from "react";
import { PersonPicker } from "../components/PersonPicker";
import { errorText, showOnField } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import { MY_WORK } from "../work";

const SUBMIT_FEEDBACK = graphql(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      id
      code
      items {
        id
        position
        kind
      }
    }
  }
`);

const KINDS = ["PRAISE", "PROBLEM", "SUGGESTION"] as const;
/** The API takes 1 to 20 rows (SubmitFeedbackInput.items). */
const MAX_ITEMS = 20;

interface Item {
  kind: (typeof KINDS)[number];
  content: string;
  departmentIds?: string[];
  personIds?: string[];
  proposal?: string;
}

interface Values {
  items: Item[];
}

/** A multiple select without the `aria-required` Form.Item would put on a plain div (axe). */
function Departments({ "aria-required": _required, ...props }: SelectProps & { "aria-required"?: unknown }) {
  return <Select mode="multiple" optionFilterProp="label" {...props} />;
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
  // (untyped: a refusal's field path, e.g. ["items", 1, "personIds"], is only known at run time)
  const [form] = Form.useForm();
  const [submit, { loading, error }] = useMutation(SUBMIT_FEEDBACK, { refetchQueries: [MY_WORK] });
  const [offField, setOffField] = useState(false);
  const send = async (values: Values) => {
    try {
      await submit({
        variables: {
          input: {
            requirementId,
            items: values.items.map((item) => ({
              kind: item.kind,
              content: item.content,
              departmentIds: item.departmentIds ?? [],
              personIds: item.personIds ?? [],
              proposal: item.proposal ?? "",
            })),
          },
        },
      });
      message.success(t("feedback.sent"));
    } catch (failure) {
      // "items.1.personIds": shown under that row's field; anything else above the form.
      setOffField(!showOnField(form, failure, t, language));
    }
  };
  const required = (label: string) => [
    { required: true, whitespace: true, message: t("field.required", { label }) },
  ];
  return (
    <Card size="small" title={t("feedback.title")} data-testid="feedback-card">
      {error && offField && (
        <Alert type="error" showIcon message={errorText(error, t, language)} style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph type="secondary">{t("feedback.itemsHelp")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ items: [{ kind: "PRAISE" }] }}
        onFinish={(values: Values) => void send(values)}
      >
        <Form.List name="items">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, index) => (
                <section
                  key={row.key}
                  aria-label={t("feedback.item", { n: index + 1 })}
                  data-testid={`feedback-item-${index + 1}`}
                  className="feedback-item"
                >
                  {rows.length > 1 && (
                    <Space style={{ width: "100%", justifyContent: "space-between" }}>
                      <Typography.Text strong>{t("feedback.item", { n: index + 1 })}</Typography.Text>
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("feedback.removeItem", { n: index + 1 })}
                        onClick={() => remove(row.name)}
                      />
                    </Space>
                  )}
                  <Form.Item label={t("feedback.kind")} name={[row.name, "kind"]}>
                    <Radio.Group
                      optionType="button"
                      options={KINDS.map((kind) => ({ value: kind, label: t(`feedback.${kind}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    label={t("feedback.content")}
                    name={[row.name, "content"]}
                    rules={required(t("feedback.content"))}
                  >
                    <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
                  </Form.Item>
                  <Form.Item label={t("feedback.departments")} name={[row.name, "departmentIds"]}>
                    <Departments options={departments} placeholder={t("field.select")} />
                  </Form.Item>
                  <Form.Item label={t("feedback.people")} name={[row.name, "personIds"]}>
                    <PersonPicker mode="multiple" />
                  </Form.Item>
                  <Form.Item label={t("feedback.proposal")} name={[row.name, "proposal"]}>
                    <Input.TextArea autoSize={{ minRows: 1 }} maxLength={2000} />
                  </Form.Item>
                </section>
              ))}
              <Space wrap>
                {rows.length < MAX_ITEMS && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ kind: "SUGGESTION" })}>
                    {t("feedback.addItem")}
                  </Button>
                )}
                <Button type="primary" htmlType="submit" loading={loading}>
                  {t("feedback.submit")}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
