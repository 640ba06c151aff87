// Editing a draft, or a requirement sent back for changes (待修改): the base form prefilled,
// saved with `updateRequirement` carrying the version read (an edit made meanwhile elsewhere
// is refused with CONFLICT rather than overwritten); then it is submitted from its page.
// Custom field values are edited through the same API and are not shown here yet.
import { useMutation, useQuery } from "@apollo/client";
import { Alert, App, Button, Card, DatePicker, Form, Input, Result, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useNavigate, useParams } from "react-router-dom";
import { errorField, errorText, errorTextOnField } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import { useSession } from "../viewer";

const EDITABLE = graphql(`
  query EditableRequirement($code: String!) {
    requirement(code: $code) {
      id
      code
      status
      version
      title
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
      initiator {
        id
      }
    }
  }
`);

const SAVE = graphql(`
  mutation SaveRequirementEdit($input: UpdateRequirementInput!) {
    updateRequirement(input: $input) {
      id
      code
      version
      title
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
    }
  }
`);

const TEXTS = ["background", "goals", "deliverables", "acceptanceCriteria", "dataNeeds"] as const;

interface Values {
  title: string;
  background?: string;
  goals?: string;
  deliverables?: string;
  acceptanceCriteria?: string;
  dataNeeds?: string;
  contact?: string;
  expectedBy?: Dayjs | null;
}

export default function EditRequirementPage() {
  const { code = "" } = useParams();
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const { data, loading, error } = useQuery(EDITABLE, { variables: { code }, fetchPolicy: "network-only" });
  const [save, saving] = useMutation(SAVE);
  const requirement = data?.requirement;
  if (error) return <Result status="error" title={errorText(error, t, language)} />;
  if (!requirement) return <Card loading={loading} />;
  const editable =
    requirement.initiator?.id === viewer.id && ["DRAFT", "PENDING_MODIFICATION"].includes(requirement.status);
  if (!editable) return <Result status="403" title={t("edit.notEditable")} />;
  const send = async (values: Values) => {
    try {
      await save({
        variables: {
          input: {
            id: requirement.id,
            version: requirement.version,
            title: values.title,
            contact: values.contact ?? "",
            expectedBy: values.expectedBy ? values.expectedBy.format("YYYY-MM-DD") : null,
            ...Object.fromEntries(TEXTS.map((key) => [key, values[key] ?? ""])),
          },
        },
      });
      message.success(t("edit.saved"));
      navigate(`/requirements/${requirement.code}`);
    } catch (failure) {
      const field = errorField(failure);
      if (field && form.getFieldInstance(field) !== undefined) {
        form.setFields([{ name: field, errors: [errorTextOnField(failure, t, language)] }]);
      }
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t("edit.title")} · {requirement.code}
      </Typography.Title>
      <Card size="small">
        {saving.error && !errorField(saving.error) && (
          <Alert type="error" showIcon message={errorText(saving.error, t, language)} style={{ marginBottom: 12 }} />
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            ...requirement,
            expectedBy: requirement.expectedBy ? dayjs(requirement.expectedBy) : null,
          }}
          onFinish={(values: Values) => void send(values)}
        >
          <Form.Item
            label={t("req.title")}
            name="title"
            rules={[{ required: true, whitespace: true, message: t("field.required", { label: t("req.title") }) }]}
          >
            <Input maxLength={200} showCount />
          </Form.Item>
          {TEXTS.map((key) => (
            <Form.Item key={key} label={t(`req.${key}`)} name={key}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          ))}
          <Form.Item label={t("req.expectedBy")} name="expectedBy">
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item label={t("req.contact")} name="contact">
            <Input />
          </Form.Item>
          <Space>
            <Button onClick={() => navigate(`/requirements/${requirement.code}`)}>{t("edit.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={saving.loading}>
              {t("edit.save")}
            </Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
