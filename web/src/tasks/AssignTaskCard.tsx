// 任务分配: after the admin confirms initiation, the heads' claims are draft tasks with nobody
// responsible (待分配). The initiator gives each one responsible person of its executing
// department and a deadline here (`updateTask`); the person is notified and may start.
import { useMutation, useQuery } from "@apollo/client";
import { Alert, App, Button, Card, DatePicker, Form, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import { MY_WORK } from "../work";

const DEPARTMENT_PEOPLE = graphql(`
  query DepartmentPeople($departmentIds: [ID!]) {
    users(first: 100, filter: { departmentIds: $departmentIds }) {
      edges {
        node {
          id
          displayName
        }
      }
    }
  }
`);

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
  deadline,
  onAssigned,
}: {
  taskId: string;
  departmentId: string | null;
  assigneeId: string | null;
  deadline: string | null;
  onAssigned: () => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const people = useQuery(DEPARTMENT_PEOPLE, { variables: { departmentIds: departmentId ? [departmentId] : null } });
  const [assign, { loading, error }] = useMutation(ASSIGN, { refetchQueries: [MY_WORK] });
  const options = (people.data?.users.edges ?? []).map(({ node }) => ({ value: node.id, label: node.displayName }));
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
          <Select showSearch optionFilterProp="label" options={options} loading={people.loading} placeholder={t("field.select")} />
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
