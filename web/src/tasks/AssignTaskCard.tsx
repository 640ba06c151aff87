// 任务分配: after the admin confirms initiation, the heads' claims are draft tasks with nobody
// responsible (待分配). The initiator gives each one responsible person of its executing
// department and a deadline here (`updateTask`); the person is notified and may start.
// The department's people are searched on the server as one types, however many it has.
import { useMutation } from "@apollo/client";
import { Alert, App, Button, Card, DatePicker, Form } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { PersonPicker } from "../components/PersonPicker";
import { errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import { MY_WORK } from "../work";

const ASSIGN = graphql(`
  mutation AssignTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      id
      deadline
      assignee {
        id
        displayName
      }
    }
  }
`);

interface Values {
  assigneeId: string;
  deadline: Dayjs;
}

export function AssignTaskCard({
  taskId,
  departmentId,
  assigneeId,
  assigneeName,
  deadline,
  onAssigned,
}: {
  taskId: string;
  departmentId: string | null;
  assigneeId: string | null;
  /** The current assignee's name, shown before any search. */
  assigneeName?: string;
  deadline: string | null;
  onAssigned: () => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [assign, { loading, error }] = useMutation(ASSIGN, { refetchQueries: [MY_WORK] });
  const send = async (values: Values) => {
    const done = await assign({
      variables: {
        input: { id: taskId, assigneeId: values.assigneeId, deadline: values.deadline.endOf("day").toISOString() },
      },
    }).catch(() => null);
    if (done) {
      message.success(t("assign.done"));
      onAssigned();
    }
  };
  return (
    <Card size="small" title={t("assign.title")} data-testid="assign-task">
      {error && <Alert type="error" showIcon message={errorText(error, t, language)} style={{ marginBottom: 12 }} />}
      <Form<Values>
        layout="vertical"
        initialValues={{ assigneeId: assigneeId ?? undefined, deadline: deadline ? dayjs(deadline) : undefined }}
        onFinish={(values) => void send(values)}
      >
        <Form.Item
          label={t("task.assignee")}
          name="assigneeId"
          rules={[{ required: true, message: t("field.required", { label: t("task.assignee") }) }]}
        >
          <PersonPicker
            departmentIds={departmentId ? [departmentId] : undefined}
            known={assigneeId && assigneeName ? [{ value: assigneeId, label: assigneeName }] : []}
          />
        </Form.Item>
        <Form.Item
          label={t("task.deadline")}
          name="deadline"
          rules={[{ required: true, message: t("field.required", { label: t("task.deadline") }) }]}
        >
          <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isBefore(dayjs(), "day")} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t("assign.submit")}
        </Button>
      </Form>
    </Card>
  );
}
