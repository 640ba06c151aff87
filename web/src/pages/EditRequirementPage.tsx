// Editing a draft, or a requirement sent back for changes (待修改): the base form prefilled,
// saved with `updateRequirement` carrying the version read (an edit made meanwhile elsewhere
// is refused with CONFLICT rather than overwritten); then it is submitted from its page.
// The admin-defined fields of its form are edited here too (`requirementForm` of its
// template), each refusal of the server shown under the field it names.
import { useMutation, useQuery } from "@apollo/client";
import { Alert, App, Button, Card, DatePicker, Form, Input, Result, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { errorText, showOnField } from "../errors";
import { uploadAttachment } from "../files/upload";
import { chosenFiles, FieldInput, fieldLabel, fieldRules } from "../forms/customFields";
import { editedCustomValues, storedCustomValues } from "../forms/storedValues";
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
      template {
        id
      }
      customFields {
        ...StoredCustomValue
      }
    }
    departments {
      id
      name
      nameEn
    }
  }
`);

const EDIT_FORM = graphql(`
  query EditRequirementForm($templateId: ID) {
    requirementForm(templateId: $templateId) {
      version
      fields {
        id
        key
        label
        labelEn
        type
        required
        helpText
        position
        options {
          value
          label
          labelEn
        }
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
  customFields?: Record<string, unknown>;
}

export default function EditRequirementPage() {
  const { code = "" } = useParams();
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const { data, error } = useQuery(EDITABLE, { variables: { code }, fetchPolicy: "network-only" });
  const [save, saving] = useMutation(SAVE);
  // A refusal that names no field on this form is shown above it.
  const [offField, setOffField] = useState(false);
  const requirement = data?.requirement;
  const editForm = useQuery(EDIT_FORM, {
    variables: { templateId: requirement?.template?.id ?? null },
    skip: !requirement,
    fetchPolicy: "network-only",
  });
  const fields = useMemo(
    () => [...(editForm.data?.requirementForm.fields ?? [])].sort((a, b) => a.position - b.position),
    [editForm.data],
  );
  const stored = useMemo(() => storedCustomValues(requirement?.customFields ?? []), [requirement]);
  if (error) return <Result status="error" title={errorText(error, t, language)} />;
  if (!requirement || (editForm.loading && !editForm.data)) return <Card loading />;
  const departments = (data?.departments ?? []).map((d) => ({
    value: d.id,
    label: language === "en" ? d.nameEn || d.name : d.name,
  }));
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
            customFields: editedCustomValues(fields, values.customFields, stored.values),
          },
        },
      });
      // A FILE field's new file becomes an attachment of the requirement, then its value.
      const files = chosenFiles(fields, values.customFields);
      if (files.length > 0) {
        const attachments: Record<string, string> = {};
        for (const [key, file] of files) attachments[key] = await uploadAttachment(file, { requirementId: requirement.id }, "");
        await save({ variables: { input: { id: requirement.id, customFields: attachments } } });
      }
      message.success(t("edit.saved"));
      navigate(`/requirements/${requirement.code}`);
    } catch (failure) {
      setOffField(!showOnField(form, failure, t, language));
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t("edit.title")} · {requirement.code}
      </Typography.Title>
      <Card size="small">
        {saving.error && offField && (
          <Alert type="error" showIcon message={errorText(saving.error, t, language)} style={{ marginBottom: 12 }} />
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            ...requirement,
            expectedBy: requirement.expectedBy ? dayjs(requirement.expectedBy) : null,
            customFields: stored.values,
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
          {fields.length > 0 && (
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t("req.customFields")}
            </Typography.Title>
          )}
          {fields.map((field) => (
            <Form.Item
              key={field.id}
              label={fieldLabel(field, language)}
              name={["customFields", field.key]}
              required={field.required}
              extra={[field.helpText, stored.files[field.key]].filter(Boolean).join(" · ") || undefined}
              rules={field.type === "FILE" ? [] : fieldRules(field, t, language)}
              data-testid={`custom-${field.key}`}
            >
              <FieldInput field={field} language={language} t={t} users={stored.people} departments={departments} />
            </Form.Item>
          ))}
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
