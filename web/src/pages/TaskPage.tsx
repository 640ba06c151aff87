// A task: the assignee starts it, reports progress and submits results; the acceptance
// group accepts or rejects them; participants comment.
import { useMutation, useQuery } from "@apollo/client";
import { App, Button, Card, Descriptions, Form, Input, InputNumber, List, Progress, Result, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { Link, useParams } from "react-router-dom";
import { MentionInput } from "../components/MentionInput";
import { StatusTag } from "../components/StatusTag";
import { errorCode, errorText } from "../errors";
import { AttachmentsCard } from "../files/AttachmentsCard";
import { AcceptanceSigners } from "../signers/AcceptanceSigners";
import { AssignTaskCard } from "../tasks/AssignTaskCard";
import { graphql } from "../gql";
import { useI18n, word } from "../i18n";
import { useSession } from "../viewer";
import { MY_WORK } from "../work";

const RESULT_COLOURS: Record<string, string> = { PENDING: "purple", ACCEPTED: "success", REJECTED: "error" };

const TASK = graphql(`
  query TaskPage($code: String!) {
    task(code: $code) {
      id
      code
      title
      description
      status
      progress
      priority
      startDate
      deadline
      isOverdue
      acceptanceCriteria
      requirement {
        id
        code
        title
        status
        initiator {
          id
        }
        involvedDepartments {
          isLead
          department {
            id
            name
            nameEn
            head {
              id
              displayName
            }
          }
        }
      }
      assignee {
        id
        displayName
      }
      executingDepartment {
        id
        name
        nameEn
      }
      progressUpdates {
        id
        percent
        summary
        problems
        supportNeeded
        createdAt
        author {
          id
          displayName
        }
      }
      results {
        id
        note
        decision
        decisionComment
        createdAt
        decidedBy {
          id
          displayName
        }
        files {
          fileName
        }
        ...AcceptanceSigners
      }
      attachments {
        ...AttachmentItem
      }
      comments {
        id
        body
        createdAt
        author {
          id
          displayName
        }
      }
    }
  }
`);

const START = graphql(`
  mutation StartTask($id: ID!) {
    startTask(id: $id) {
      id
      status
    }
  }
`);
const PROGRESS = graphql(`
  mutation ReportProgress($input: ReportProgressInput!) {
    reportProgress(input: $input) {
      id
      progress
    }
  }
`);
const SUBMIT_RESULT = graphql(`
  mutation SubmitTaskResult($input: SubmitTaskResultInput!) {
    submitTaskResult(input: $input) {
      id
      status
    }
  }
`);
const DECIDE = graphql(`
  mutation ReviewTaskResult($input: ReviewTaskResultInput!) {
    reviewTaskResult(input: $input) {
      id
      status
    }
  }
`);
const COMMENT = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`);

export default function TaskPage() {
  const { code = "" } = useParams();
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { viewer } = useSession();
  // Fresh on each visit, and refetched anew after an action (see RequirementPage).
  const { data, loading, error, refetch } = useQuery(TASK, {
    variables: { code },
    fetchPolicy: "cache-and-network",
    context: { queryDeduplication: false },
  });
  const work = useQuery(MY_WORK);
  const refetchQueries = [TASK, MY_WORK];
  const [start] = useMutation(START, { refetchQueries });
  const [report] = useMutation(PROGRESS, { refetchQueries });
  const [submitResult] = useMutation(SUBMIT_RESULT, { refetchQueries });
  const [decide] = useMutation(DECIDE, { refetchQueries });
  const [comment] = useMutation(COMMENT, { refetchQueries: [TASK] });
  const [progressForm] = Form.useForm();
  const [resultForm] = Form.useForm();
  const [decisionForm] = Form.useForm();
  const [commentForm] = Form.useForm();
  if (error) {
    const missing = errorCode(error) === "NOT_FOUND";
    return <Result status={missing ? "404" : "error"} title={errorText(error, t, language)} />;
  }
  const task = data?.task;
  if (!task) return <Card loading={loading} />;
  /** Runs a mutation; a refusal is shown on the form field it names, or as a message. */
  const run = async (action: () => Promise<unknown>, form?: ReturnType<typeof Form.useForm>[0]) => {
    try {
      await action();
      message.success(t("task.done"));
      form?.resetFields();
    } catch (failure) {
      message.error(errorText(failure, t, language));
    }
  };
  const mine = task.assignee?.id === viewer.id;
  const toAccept = work.data?.myWork.acceptances.some((a) => a.id === task.id) ?? false;
  const canAssign =
    task.requirement?.initiator?.id === viewer.id &&
    task.status === "PENDING" &&
    ["INITIATED", "IN_PROGRESS"].includes(task.requirement.status);
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {task.title}
        </Typography.Title>
        <StatusTag status={task.status} />
        {task.isOverdue && <Tag color="red">{t("task.overdue")}</Tag>}
      </Space>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t("task.code")}>{task.code}</Descriptions.Item>
          <Descriptions.Item label={t("task.requirement")}>
            {task.requirement && <Link to={`/requirements/${task.requirement.code}`}>{task.requirement.title}</Link>}
          </Descriptions.Item>
          <Descriptions.Item label={t("task.assignee")}>{task.assignee?.displayName}</Descriptions.Item>
          <Descriptions.Item label={t("task.department")}>
            {language === "en" ? task.executingDepartment?.nameEn : task.executingDepartment?.name}
          </Descriptions.Item>
          <Descriptions.Item label={t("task.deadline")}>
            {task.deadline ? dayjs(task.deadline).format("YYYY-MM-DD HH:mm") : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("task.percent")}>
            <Progress percent={task.progress} size="small" style={{ minWidth: 120 }} aria-label={t("task.progressNow")} />
          </Descriptions.Item>
          {task.description && (
            <Descriptions.Item label={t("task.description")} span={{ xs: 1, md: 2, xl: 3 }}>
              {task.description}
            </Descriptions.Item>
          )}
          {task.acceptanceCriteria && (
            <Descriptions.Item label={t("req.acceptanceCriteria")} span={{ xs: 1, md: 2, xl: 3 }}>
              {task.acceptanceCriteria}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {canAssign && (
        <AssignTaskCard
          taskId={task.id}
          departmentId={task.executingDepartment?.id ?? null}
          assigneeId={task.assignee?.id ?? null}
          assigneeName={task.assignee?.displayName}
          deadline={task.deadline ?? null}
          onAssigned={() => void refetch()}
        />
      )}
      {mine && task.status === "PENDING" && (
        <Button type="primary" onClick={() => void run(() => start({ variables: { id: task.id } }))}>
          {t("task.start")}
        </Button>
      )}
      {mine && task.status === "IN_PROGRESS" && (
        <Card size="small" title={t("task.progress")}>
          <Form
            form={progressForm}
            layout="vertical"
            onFinish={(values) =>
              void run(() => report({ variables: { input: { taskId: task.id, ...values } } }), progressForm)
            }
          >
            <Form.Item
              label={t("task.percent")}
              name="percent"
              initialValue={task.progress}
              rules={[{ required: true, type: "integer", min: 0, max: 100 }]}
            >
              <InputNumber min={0} max={100} addonAfter="%" />
            </Form.Item>
            <Form.Item label={t("task.summary")} name="summary" rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item label={t("task.problems")} name="problems" initialValue="">
              <Input.TextArea autoSize />
            </Form.Item>
            <Form.Item label={t("task.support")} name="supportNeeded" initialValue="">
              <Input.TextArea autoSize />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t("task.report")}
            </Button>
          </Form>
        </Card>
      )}
      {mine && task.status === "IN_PROGRESS" && (
        <Card size="small" title={t("task.submitResult")}>
          <Form
            form={resultForm}
            layout="vertical"
            onFinish={(values) =>
              void run(
                () =>
                  submitResult({
                    variables: { input: { taskId: task.id, note: values.note, attachmentIds: values.attachmentIds ?? [] } },
                  }),
                resultForm,
              )
            }
          >
            <Form.Item label={t("task.note")} name="note" rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item label={t("task.resultFiles")} name="attachmentIds" extra={t("task.resultFilesHelp")}>
              <Select
                mode="multiple"
                placeholder={t("field.select")}
                options={task.attachments.map((file) => ({ value: file.id, label: file.fileName }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t("task.submitResult")}
            </Button>
          </Form>
        </Card>
      )}
      {toAccept && (
        <Card size="small" title={t("work.acceptances")}>
          <Form form={decisionForm} layout="vertical">
            <Form.Item label={t("task.decision")} name="comment">
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Space>
              {[true, false].map((accept) => (
                <Button
                  key={String(accept)}
                  type={accept ? "primary" : "default"}
                  danger={!accept}
                  onClick={() =>
                    void run(() =>
                      decide({
                        variables: {
                          input: { taskId: task.id, accept, comment: decisionForm.getFieldValue("comment") ?? "" },
                        },
                      }),
                    )
                  }
                >
                  {accept ? t("task.accept") : t("task.rejectResult")}
                </Button>
              ))}
            </Space>
          </Form>
        </Card>
      )}
      <AcceptanceSigners
        taskId={task.id}
        status={task.status}
        initiatorId={task.requirement?.initiator?.id ?? null}
        assigneeId={task.assignee?.id ?? null}
        involved={task.requirement?.involvedDepartments ?? []}
        result={
          task.results.find((result) => result.decision === "PENDING") ??
          [...task.results].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ??
          null
        }
        toAccept={toAccept}
      />
      <Card size="small" title={t("task.updates")}>
        <List
          size="small"
          dataSource={task.progressUpdates}
          locale={{ emptyText: <Typography.Text type="secondary">{t("common.none")}</Typography.Text> }}
          renderItem={(update) => (
            <List.Item>
              <List.Item.Meta
                title={`${update.percent}% · ${update.author?.displayName ?? ""} · ${dayjs(update.createdAt).format("MM-DD HH:mm")}`}
                description={[update.summary, update.problems, update.supportNeeded].filter(Boolean).join(" / ")}
              />
            </List.Item>
          )}
        />
      </Card>
      {task.results.length > 0 && (
        <Card size="small" title={t("task.results")}>
          <List
            size="small"
            dataSource={task.results}
            renderItem={(result) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Space>
                    <Tag color={RESULT_COLOURS[result.decision]}>{word(t, "result", result.decision)}</Tag>
                    <Typography.Text>{result.note}</Typography.Text>
                  </Space>
                  {result.files.length > 0 && (
                    <Typography.Text type="secondary">
                      {t("task.resultFiles")}: {result.files.map((file) => file.fileName).join("、")}
                    </Typography.Text>
                  )}
                  {result.decisionComment && (
                    <Typography.Text type="secondary">
                      {result.decidedBy?.displayName}: {result.decisionComment}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <AttachmentsCard
        attachments={task.attachments}
        target={
          task.status === "COMPLETED" || !task.requirement ? null : { requirementId: task.requirement.id, taskId: task.id }
        }
        onUploaded={() => void refetch()}
      />
      <Card size="small" title={t("task.comments")}>
        <List
          size="small"
          dataSource={task.comments}
          locale={{ emptyText: <Typography.Text type="secondary">{t("common.none")}</Typography.Text> }}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={`${item.author?.displayName ?? ""} · ${dayjs(item.createdAt).format("MM-DD HH:mm")}`}
                description={<span style={{ whiteSpace: "pre-wrap" }}>{item.body}</span>}
              />
            </List.Item>
          )}
        />
        <Form
          form={commentForm}
          layout="vertical"
          onFinish={(values) =>
            void run(() => comment({ variables: { input: { taskId: task.id, body: values.body } } }), commentForm)
          }
        >
          <Form.Item
            name="body"
            label={t("task.addComment")}
            extra={t("task.mentionHelp")}
            rules={[{ required: true, whitespace: true }]}
          >
            <MentionInput />
          </Form.Item>
          <Button htmlType="submit">{t("task.addComment")}</Button>
        </Form>
      </Card>
    </Space>
  );
}
