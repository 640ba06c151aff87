// Admin-defined form fields (自定义字段), rendered by type with the same rules the server
// applies (resolvers/form_values.py): required, text length, number places and range.
// A FILE field holds the chosen file until the draft exists; it is then uploaded to the
// requirement and the field set to the attachment (NewRequirementPage).
import { UploadOutlined } from "@ant-design/icons";
import { Button, DatePicker, Input, InputNumber, Select, Upload } from "antd";
import type { Rule } from "antd/es/form";
import type { Dayjs } from "dayjs";
import { PersonPicker } from "../components/PersonPicker";
import type { RequirementFormQuery } from "../gql/graphql";
import type { Translate } from "../i18n";
import type { Language } from "../session";

export type FieldDefinition = RequirementFormQuery["requirementForm"]["fields"][number];
export interface Choice {
  value: string;
  label: string;
}

export const TEXT_MAX = 2000;
const NUMBER_LIMIT = 1e15;
const PLACES: Record<string, number> = { NUMBER: 6, MONEY: 2 };

export function fieldLabel(field: FieldDefinition, language: Language): string {
  return language === "en" && field.labelEn ? field.labelEn : field.label;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

export function fieldRules(field: FieldDefinition, t: Translate, language: Language): Rule[] {
  const label = fieldLabel(field, language);
  const rules: Rule[] = [];
  if (field.required) {
    rules.push({
      validator: (_, value) =>
        isBlank(value) ? Promise.reject(new Error(t("field.required", { label }))) : Promise.resolve(),
    });
  }
  if (field.type === "TEXT") {
    rules.push({ max: TEXT_MAX, message: t("field.tooLong", { label, n: TEXT_MAX }) });
  }
  const places = PLACES[field.type];
  if (places !== undefined) {
    rules.push({
      validator: (_, value) => {
        if (isBlank(value)) return Promise.resolve();
        const text = String(value).trim();
        if (!/^-?\d+(\.\d+)?$/.test(text)) return Promise.reject(new Error(t("field.number", { label })));
        if (Math.abs(Number(text)) >= NUMBER_LIMIT) return Promise.reject(new Error(t("field.range", { label })));
        const decimals = (text.split(".")[1] ?? "").replace(/0+$/, "").length;
        if (decimals > places) return Promise.reject(new Error(t("field.places", { label, n: places })));
        return Promise.resolve();
      },
    });
  }
  return rules;
}

export function FieldInput(props: {
  field: FieldDefinition;
  language: Language;
  t: Translate;
  /** People already chosen (shown by name before any search); others are searched for. */
  users: Choice[];
  departments: Choice[];
  value?: unknown;
  onChange?: (value: unknown) => void;
  id?: string;
}) {
  const { field, language, t, value, onChange, id } = props;
  const options = field.options.map((o) => ({
    value: o.value,
    label: language === "en" && o.labelEn ? o.labelEn : o.label,
  }));
  const common = { id, style: { width: "100%" } };
  switch (field.type) {
    case "TEXT":
      return (
        <Input.TextArea
          {...common}
          autoSize={{ minRows: 1, maxRows: 6 }}
          value={value as string}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    case "NUMBER":
    case "MONEY":
      return (
        <InputNumber<string>
          {...common}
          stringMode
          prefix={field.type === "MONEY" ? "¥" : undefined}
          value={value as string}
          onChange={(next) => onChange?.(next ?? undefined)}
        />
      );
    case "DATE":
      return <DatePicker {...common} value={value as Dayjs} onChange={(next) => onChange?.(next ?? undefined)} />;
    case "CHOICE":
    case "MULTI_CHOICE":
      return (
        <Select
          {...common}
          mode={field.type === "MULTI_CHOICE" ? "multiple" : undefined}
          allowClear
          placeholder={t("field.select")}
          options={options}
          value={value as string | string[]}
          onChange={(next) => onChange?.(next)}
        />
      );
    case "USER":
      return (
        <PersonPicker
          {...common}
          allowClear
          known={props.users}
          value={value as string}
          onChange={(next) => onChange?.(next ?? null)}
        />
      );
    case "DEPARTMENT":
      return (
        <Select
          {...common}
          showSearch
          allowClear
          optionFilterProp="label"
          placeholder={t("field.select")}
          options={props.departments}
          value={value as string}
          onChange={(next) => onChange?.(next ?? null)}
        />
      );
    case "FILE":
      return (
        <Upload
          maxCount={1}
          beforeUpload={() => false}
          fileList={value instanceof File ? [{ uid: "chosen", name: value.name, status: "done" }] : []}
          onChange={({ fileList }) => onChange?.(fileList[0]?.originFileObj ?? undefined)}
        >
          <Button id={id} icon={<UploadOutlined />}>
            {t("field.chooseFile")}
          </Button>
        </Upload>
      );
    default:
      return null;
  }
}

/** The files chosen for FILE fields, by key: uploaded once the requirement exists. */
export function chosenFiles(
  fields: FieldDefinition[],
  values: Record<string, unknown> | undefined,
): [string, File][] {
  return fields.flatMap((field) => {
    const value = values?.[field.key];
    return field.type === "FILE" && value instanceof File ? [[field.key, value] as [string, File]] : [];
  });
}

/** The JSON the API takes for each field's value (see CreateRequirementInput.customFields). */
export function customFieldValues(
  fields: FieldDefinition[],
  values: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values?.[field.key];
    if (isBlank(value) || field.type === "FILE") continue;
    out[field.key] = field.type === "DATE" ? (value as Dayjs).format("YYYY-MM-DD") : value;
  }
  return out;
}
