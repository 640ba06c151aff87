// 加签, 转交 and 催办, shared by a review round (RequirementPage) and the acceptance of a
// submission (TaskPage): the same three acts on "pending signers" (resolvers/signer_acts.py).
// The page says who may do what (a pending signer adds and hands over, the initiator
// reminds) from what the API tells about the viewer (myWork); the API stays the judge and a
// refusal is shown with the error helper, a second reminder with the wait it names.
import { useQuery } from "@apollo/client";
import { Alert, App, Button, Card, Form, List, Select, Space, Typography } from "antd";
import type { SelectProps } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { PersonPicker } from "../components/PersonPicker";
import { errorText, retryAfterSeconds } from "../errors";
import { graphql } from "../gql";
import { useI18n, type Translate } from "../i18n";
import type { Language } from "../session";

const DEPARTMENTS = graphql(`
  query SignerDepartments {
    departments {
      id
      name
      nameEn
      head {
        id
        displayName
      }
    }
  }
`);

export interface SignerDepartment {
  id: string;
  name: string;
  nameEn: string;
  head?: { id: string; displayName: string } | null;
}

interface Person {
  id: string;
  displayName: string;
}

export interface AddedSignerRow {
  createdAt: string;
  department?: SignerDepartment | null;
  addedBy?: Person | null;
}

export interface HandoverRow {
  createdAt: string;
  department?: SignerDepartment | null;
  fromUser?: Person | null;
  toUser?: Person | null;
}

interface Props {
  /** "review-signers" or "acceptance-signers": the card's test id. */
  testId: string;
  title: string;
  /** Departments still to sign (asked, not decided), to remind or to hand over for. */
  pending: SignerDepartment[];
  /** Departments already asked (and the lead): not offered for 加签. */
  asked: string[];
  /** The viewer holds a pending seat (myWork lists it for them): may add and hand over. */
  canAdd: boolean;
  canHandOver: boolean;
  /** The viewer is the initiator and a signing is pending: may remind. */
  canRemind: boolean;
  /** The viewer's own departments among the pending, for whom they hand over. */
  mySeats: SignerDepartment[];
  /** People never handed to (the initiator, an assignee). */
  excludedIds: string[];
  addedSigners: AddedSignerRow[];
  handovers: HandoverRow[];
  onAdd: (userId: string) => Promise<unknown>;
  onHandOver: (toUserId: string, departmentId: string) => Promise<unknown>;
  onRemind: (departmentId: string) => Promise<unknown>;
}

/** A select without the `aria-required` Form.Item would put on a plain div (axe). */
function PlainSelect({ "aria-required": _required, ...props }: SelectProps & { "aria-required"?: unknown }) {
  return <Select {...props} />;
}

/** "3小时5分钟" / "3 h 5 min": a wait the API named in seconds. */
function waitText(seconds: number, t: Translate): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return t("signers.wait", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** A refusal in the viewer's words; a RATE_LIMITED one also says how long to wait. */
function refusal(error: unknown, t: Translate, language: Language): string {
  const text = errorText(error, t, language);
  const wait = retryAfterSeconds(error);
  return wait === undefined ? text : text + t("signers.retryAfter", { wait: waitText(wait, t) });
}

export function SignerActsCard(props: Props) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [addForm] = Form.useForm<{ departmentId?: string }>();
  const [handForm] = Form.useForm<{ departmentId?: string; toUserId?: string }>();
  const [remindForm] = Form.useForm<{ departmentId?: string }>();
  const departments = useQuery(DEPARTMENTS, { skip: !props.canAdd });
  const en = language === "en";
  const name = (d: SignerDepartment | null | undefined) => (d ? (en && d.nameEn ? d.nameEn : d.name) : "");
  const watchedDepartment = Form.useWatch("departmentId", handForm);
  const acts = props.canAdd || props.canHandOver || props.canRemind;
  if (!acts && props.addedSigners.length === 0 && props.handovers.length === 0) return null;

  const act = async (kind: string, action: () => Promise<unknown>, done: string, form: { resetFields: () => void }) => {
    setBusy(kind);
    setFailure(null);
    try {
      await action();
      message.success(done);
      form.resetFields();
    } catch (error) {
      setFailure(refusal(error, t, language));
    } finally {
      setBusy(null);
    }
  };
  const addable = (departments.data?.departments ?? []).filter((d) => !props.asked.includes(d.id));
  const handDepartment = watchedDepartment ?? props.mySeats[0]?.id;
  const required = (label: string) => [{ required: true, message: t("field.required", { label }) }];
  return (
    <Card size="small" title={props.title} data-testid={props.testId}>
      {failure && (
        <Alert type="error" showIcon message={failure} closable onClose={() => setFailure(null)} style={{ marginBottom: 12 }} />
      )}
      <Space direction="vertical" size={12} style={{ width: "100%" }}>
        {props.canAdd && (
          <Form
            form={addForm}
            name={`${props.testId}-add`}
            layout="inline"
            onFinish={({ departmentId }) => {
              const head = addable.find((d) => d.id === departmentId)?.head;
              if (head) void act("add", () => props.onAdd(head.id), t("signers.addDone"), addForm);
            }}
          >
            <Form.Item label={t("signers.addDepartment")} name="departmentId" rules={required(t("signers.addDepartment"))}>
              <PlainSelect
                style={{ minWidth: 220 }}
                placeholder={t("field.select")}
                loading={departments.loading}
                options={addable.map((d) => ({
                  value: d.id,
                  label: d.head ? `${name(d)} · ${d.head.displayName}` : `${name(d)} ${t("signers.noHead")}`,
                  disabled: !d.head,
                }))}
              />
            </Form.Item>
            <Button htmlType="submit" loading={busy === "add"}>
              {t("signers.add")}
            </Button>
          </Form>
        )}
        {props.canHandOver && (
          <Form
            form={handForm}
            name={`${props.testId}-handOver`}
            layout="inline"
            onFinish={({ toUserId }) => {
              if (toUserId && handDepartment)
                void act("hand", () => props.onHandOver(toUserId, handDepartment), t("signers.handOverDone"), handForm);
            }}
          >
            {props.mySeats.length > 1 && (
              <Form.Item label={t("signers.handOverFor")} name="departmentId" initialValue={props.mySeats[0]?.id}>
                <Select style={{ minWidth: 160 }} options={props.mySeats.map((d) => ({ value: d.id, label: name(d) }))} />
              </Form.Item>
            )}
            <Form.Item label={t("signers.handOverTo")} name="toUserId" rules={required(t("signers.handOverTo"))}>
              <PersonPicker
                style={{ minWidth: 260 }}
                departmentIds={handDepartment ? [handDepartment] : undefined}
                excludeIds={props.excludedIds}
              />
            </Form.Item>
            <Button htmlType="submit" loading={busy === "hand"}>
              {t("signers.handOver")}
            </Button>
          </Form>
        )}
        {props.canRemind && (
          <Form
            form={remindForm}
            name={`${props.testId}-remind`}
            layout="inline"
            onFinish={({ departmentId }) => {
              if (departmentId) void act("remind", () => props.onRemind(departmentId), t("signers.remindDone"), remindForm);
            }}
          >
            <Form.Item label={t("signers.remindDepartment")} name="departmentId" rules={required(t("signers.remindDepartment"))}>
              <PlainSelect
                style={{ minWidth: 220 }}
                placeholder={t("field.select")}
                options={props.pending.map((d) => ({ value: d.id, label: name(d) }))}
              />
            </Form.Item>
            <Button htmlType="submit" loading={busy === "remind"}>
              {t("signers.remind")}
            </Button>
          </Form>
        )}
        <List
          size="small"
          header={<Typography.Text strong>{t("signers.addedList")}</Typography.Text>}
          locale={{ emptyText: <Typography.Text type="secondary">{t("common.none")}</Typography.Text> }}
          dataSource={props.addedSigners}
          data-testid={`${props.testId}-added`}
          renderItem={(row) => (
            <List.Item>
              <Typography.Text>
                {t("signers.addedItem", {
                  department: name(row.department),
                  head: row.department?.head?.displayName ?? "",
                  by: row.addedBy?.displayName ?? "",
                })}{" "}
                <Typography.Text type="secondary">{dayjs(row.createdAt).format("YYYY-MM-DD HH:mm")}</Typography.Text>
              </Typography.Text>
            </List.Item>
          )}
        />
        <List
          size="small"
          header={<Typography.Text strong>{t("signers.handovers")}</Typography.Text>}
          locale={{ emptyText: <Typography.Text type="secondary">{t("common.none")}</Typography.Text> }}
          dataSource={props.handovers}
          data-testid={`${props.testId}-handovers`}
          renderItem={(row) => (
            <List.Item>
              <Typography.Text>
                {t("signers.handoverItem", {
                  department: name(row.department),
                  from: row.fromUser?.displayName ?? "",
                  to: row.toUser?.displayName ?? "",
                })}{" "}
                <Typography.Text type="secondary">{dayjs(row.createdAt).format("YYYY-MM-DD HH:mm")}</Typography.Text>
              </Typography.Text>
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}

/** The pending departments, and those of them the viewer signs for (heads, or is a member
 * of: a delegate, or whoever it was handed to); all pending ones when none is recognised. */
export function seatsOf(
  pending: SignerDepartment[],
  viewer: { id: string; department?: { id: string } | null },
): SignerDepartment[] {
  const mine = pending.filter((d) => d.head?.id === viewer.id || d.id === viewer.department?.id);
  return mine.length > 0 ? mine : pending;
}
