// 新建需求: pick a scenario template or a blank form, fill in the base fields and the
// admin-defined ones from `requirementForm(templateId)`, then save a draft or submit.
// The server's BAD_USER_INPUT is shown on the field it names. Files chosen for FILE fields
// are uploaded to the draft once it exists.
import { useMutation, useQuery } from "@apollo/client";
import { App, Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Steps, Typography } from "antd";
import type { SelectProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { errorText, showOnField } from "../errors";
import { uploadAttachment } from "../files/upload";
import { chosenFiles, customFieldValues, FieldInput, fieldLabel, fieldRules } from "../forms/customFields";
import { graphql } from "../gql";
import { useI18n } from "../i18n";

const TEMPLATES = graphql(`
  query RequirementTemplates {
    requirementTemplates {
      id
      key
      name
      nameEn
      description
      priority
      enabled
      departments {
        isLead
        department {
          id
        }
      }
    }
    departments {
      id
      name
      nameEn
    }
  }
`);

const FORM = graphql(`
  query RequirementForm($templateId: ID) {
    requirementForm(templateId: $templateId) {
      version
      templateVersion
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

const CREATE = graphql(`
  mutation CreateRequirement($input: CreateRequirementInput!) {
    createRequirement(input: $input) {
      id
      code
      status
    }
  }
`);

const CREATE_FROM_TEMPLATE = graphql(`
  mutation CreateRequirementFromTemplate($input: CreateRequirementFromTemplateInput!) {
    createRequirementFromTemplate(input: $input) {
      id
      code
      status
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateRequirementDraft($input: UpdateRequirementInput!) {
    updateRequirement(input: $input) {
      id
      code
      status
    }
  }
`);

export const SUBMIT = graphql(`
  mutation SubmitRequirement($id: ID!) {
    submitRequirement(id: $id) {
      id
      code
      status
    }
  }
`);

const BLANK = "blank";

/** A multiple select without the `aria-required` Form.Item puts on it: Ant Design renders
 * it on a plain div, which axe reports (aria-allowed-attr); the required mark stays. */
function MultiSelect({ "aria-required": _required, ...props }: SelectProps & { "aria-required"?: unknown }) {
  return <Select mode="multiple" optionFilterProp="label" {...props} />;
}
const TEXT_FIELDS = ["background", "goals", "deliverables", "acceptanceCriteria", "dataNeeds"] as const;

interface Values {
  title: string;
  involvedDepartmentIds: string[];
  background?: string;
  goals?: string;
  deliverables?: string;
  acceptanceCriteria?: string;
  dataNeeds?: string;
  contact?: string;
  expectedBy?: Dayjs;
  priority?: "NORMAL" | "URGENT";
  customFields?: Record<string, unknown>;
}

export default function NewRequirementPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [choice, setChoice] = useState<string>(BLANK);
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The draft saved by an earlier click whose submission was refused: saved again, not twice.
  const [draft, setDraft] = useState<{ id: string; code: string } | null>(null);
  const templates = useQuery(TEMPLATES);
  const templateId = choice === BLANK ? null : choice;
  const requirementForm = useQuery(FORM, { variables: { templateId }, skip: step === 0 });
  const fields = useMemo(
    () => [...(requirementForm.data?.requirementForm.fields ?? [])].sort((a, b) => a.position - b.position),
    [requirementForm.data],
  );
  const [create] = useMutation(CREATE);
  const [createFromTemplate] = useMutation(CREATE_FROM_TEMPLATE);
  const [submit] = useMutation(SUBMIT);
  const [update] = useMutation(UPDATE);

  const departments = (templates.data?.departments ?? []).map((d) => ({
    value: d.id,
    label: language === "en" ? d.nameEn || d.name : d.name,
  }));
  const available = (templates.data?.requirementTemplates ?? []).filter((tpl) => tpl.enabled);
  const chosen = available.find((tpl) => tpl.id === choice);

  const begin = () => {
    form.resetFields();
    setDraft(null);
    if (chosen) {
      form.setFieldsValue({
        priority: chosen.priority,
        involvedDepartmentIds: chosen.departments.map((d) => d.department.id),
      });
    }
    setStep(1);
  };

  const save = async (andSubmit: boolean) => {
    setFailure(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const common = {
      title: values.title,
      contact: values.contact ?? "",
      expectedBy: values.expectedBy ? values.expectedBy.format("YYYY-MM-DD") : null,
      priority: values.priority,
      involvedDepartmentIds: values.involvedDepartmentIds,
      customFields: customFieldValues(fields, values.customFields),
      ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, values[name] ?? ""])),
    };
    setBusy(true);
    try {
      let created = draft;
      if (created) {
        await update({ variables: { input: { ...common, id: created.id, priority: values.priority ?? "NORMAL" } } });
      } else {
        created =
          (templateId
            ? (await createFromTemplate({ variables: { input: { ...common, templateId } } })).data
                ?.createRequirementFromTemplate
            : (await create({ variables: { input: { ...common, priority: values.priority ?? "NORMAL" } } })).data
                ?.createRequirement) ?? null;
        if (!created) return;
        setDraft(created);
      }
      // A FILE field's value is an attachment of this requirement: upload, then point at it.
      const files = chosenFiles(fields, values.customFields);
      if (files.length > 0) {
        const attachments: Record<string, string> = {};
        for (const [key, file] of files) attachments[key] = await uploadAttachment(file, { requirementId: created.id }, "");
        await update({ variables: { input: { id: created.id, customFields: attachments } } });
      }
      if (andSubmit) {
        await submit({ variables: { id: created.id } });
        message.success(t("req.submitted"));
      } else {
        message.success(t("new.saved"));
      }
      navigate(`/requirements/${created.code}`);
    } catch (error) {
      if (!showOnField(form, error, t, language)) setFailure(errorText(error, t, language));
    } finally {
      setBusy(false);
    }
  };

  const requiredText = (label: string) => ({ required: true, message: t("field.required", { label }) });
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t("nav.newRequirement")}
      </Typography.Title>
      <Steps current={step} items={[{ title: t("new.pickTemplate") }, { title: t("new.next") }]} responsive />
      {step === 0 ? (
        <Card>
          <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)} style={{ width: "100%" }}>
            <Row gutter={[12, 12]}>
              {[{ id: BLANK, name: t("new.blank"), nameEn: t("new.blank"), description: t("new.blankHelp") }, ...available].map(
                (tpl) => (
                  <Col xs={24} md={12} xl={8} key={tpl.id}>
                    <Card size="small" hoverable onClick={() => setChoice(tpl.id)} style={{ height: "100%" }}>
                      <Radio value={tpl.id}>
                        <Typography.Text strong>{language === "en" && tpl.nameEn ? tpl.nameEn : tpl.name}</Typography.Text>
                      </Radio>
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: "8px 0 0" }}>
                        {tpl.description}
                      </Typography.Paragraph>
                    </Card>
                  </Col>
                ),
              )}
            </Row>
          </Radio.Group>
          <Button type="primary" style={{ marginTop: 16 }} onClick={begin} data-testid="template-next">
            {t("new.next")}
          </Button>
        </Card>
      ) : (
        <Card loading={requirementForm.loading && !requirementForm.data}>
          {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
          {requirementForm.error && (
            <Alert type="error" showIcon message={errorText(requirementForm.error, t, language)} />
          )}
          <Form<Values> form={form} layout="vertical" scrollToFirstError>
            <Form.Item
              label={t("req.title")}
              name="title"
              rules={[
                requiredText(t("req.title")),
                { min: 4, max: 200, whitespace: true, message: t("new.titleRule") },
              ]}
            >
              <Input maxLength={200} showCount />
            </Form.Item>
            <Form.Item
              label={t("req.departments")}
              name="involvedDepartmentIds"
              rules={[{ required: true, type: "array", min: 1, message: t("field.required", { label: t("req.departments") }) }]}
            >
              <MultiSelect options={departments} placeholder={t("field.select")} />
            </Form.Item>
            {TEXT_FIELDS.map((name) => (
              <Form.Item key={name} label={t(`req.${name}`)} name={name}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            ))}
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  label={t("req.expectedBy")}
                  name="expectedBy"
                  rules={[
                    {
                      validator: (_, value?: Dayjs) =>
                        value && value.isBefore(dayjs(), "day")
                          ? Promise.reject(new Error(t("new.pastDate")))
                          : Promise.resolve(),
                    },
                  ]}
                >
                  <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isBefore(dayjs(), "day")} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t("req.priority")} name="priority" initialValue="NORMAL">
                  <Select
                    options={[
                      { value: "NORMAL", label: t("priority.NORMAL") },
                      { value: "URGENT", label: t("priority.URGENT") },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t("req.contact")} name="contact">
                  <Input />
                </Form.Item>
              </Col>
            </Row>
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
                extra={field.helpText || undefined}
                rules={fieldRules(field, t, language)}
                data-testid={`custom-${field.key}`}
              >
                <FieldInput field={field} language={language} t={t} users={[]} departments={departments} />
              </Form.Item>
            ))}
            <Space wrap>
              <Button onClick={() => setStep(0)}>{t("new.back")}</Button>
              <Button onClick={() => void save(false)} loading={busy}>
                {t("new.saveDraft")}
              </Button>
              <Button type="primary" onClick={() => void save(true)} loading={busy}>
                {t("new.submit")}
              </Button>
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  );
}
