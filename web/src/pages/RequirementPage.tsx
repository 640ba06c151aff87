// A requirement: its fields and custom values, departments, review rounds as a timeline
// with each head's sign-off, its files with their versions, its meetings, and its tasks. A head it awaits reviews it here; the
// initiator submits a draft (or a requirement sent back for changes).
import { useMutation, useQuery } from "@apollo/client";
import { App, Alert, Button, Card, Descriptions, Form, Input, List, Progress, Result, Select, Space, Table, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useParams, Link } from "react-router-dom";
import { ResultReportCard } from "../components/ResultReportCard";
import { StatusTag } from "../components/StatusTag";
import { errorCode, errorText } from "../errors";
import { RequirementBoardCard } from "../board/RequirementBoardCard";
import { AttachmentsCard } from "../files/AttachmentsCard";
import { FeedbackCard } from "../voice/FeedbackCard";
import { MeetingsCard } from "../meetings/MeetingsCard";
import { graphql } from "../gql";
import type { RequirementPageQuery } from "../gql/graphql";
import { useI18n, word } from "../i18n";
import { useSession } from "../viewer";
import { MY_WORK } from "../work";
import { ReviewSigners } from "../signers/ReviewSigners";
import { SUBMIT } from "./NewRequirementPage";

const REQUIREMENT = graphql(`
  query RequirementPage($code: String!) {
    requirement(code: $code) {
      id
      code
      title
      status
      priority
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
      currentRound
      createdAt
      initiator {
        id
        displayName
      }
      initiatingDepartment {
        id
        name
        nameEn
      }
      template {
        id
        name
        nameEn
      }
      customFields {
        key
        label
        labelEn
        type
        retired
        textValue
        numberValue
        moneyValue
        dateValue
        choices {
          value
          label
          labelEn
        }
        user {
          id
          displayName
        }
        department {
          id
          name
          nameEn
        }
        file {
          id
          fileName
        }
      }
      involvedDepartments {
        isLead
        contribution
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
      reviewRounds {
        id
        number
        outcome
        openedAt
        closedAt
        ...ReviewRoundSigners
        reviews {
          id
          decision
          comment
          claimedTasks
          signedAt
          contentHash
          department {
            id
            name
            nameEn
          }
          signedBy {
            id
            displayName
          }
          onBehalfOf {
            id
            displayName
          }
        }
      }
      resultReport {
        id
        goalAchievement
        contributions
        problems
        createdAt
        author {
          id
          displayName
        }
      }
      attachments(includeTasks: true) {
        ...AttachmentItem
      }
      tasks {
        id
        code
        title
        status
        progress
        deadline
        isOverdue
        assignee {
          id
          displayName
        }
        executingDepartment {
          id
          name
          nameEn
        }
      }
    }
  }
`);

const REVIEW = graphql(`
  mutation ReviewRequirement($input: ReviewRequirementInput!) {
    reviewRequirement(input: $input) {
      id
      status
    }
  }
`);

type Requirement = RequirementPageQuery["requirement"];
type CustomValue = Requirement["customFields"][number];

function customText(value: CustomValue, language: string): string {
  const en = language === "en";
  if (value.choices) return value.choices.map((c) => (en && c.labelEn ? c.labelEn : c.label)).join("、");
  if (value.user) return value.user.displayName;
  if (value.department) return en ? value.department.nameEn || value.department.name : value.department.name;
  if (value.file) return value.file.fileName;
  if (value.moneyValue) return `¥${value.moneyValue}`;
  return value.textValue ?? value.numberValue ?? value.dateValue ?? "";
}

function ReviewCard({ requirement }: { requirement: Requirement }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string; claimedTasks?: string[] }>();
  const [review, { loading, error }] = useMutation(REVIEW, { refetchQueries: [REQUIREMENT, MY_WORK] });
  const decide = async (approve: boolean) => {
    const values = form.getFieldsValue();
    if (!approve && !values.comment?.trim()) {
      form.setFields([{ name: "comment", errors: [t("review.rejectNeedsComment")] }]);
      return;
    }
    const done = await review({
      variables: {
        input: {
          requirementId: requirement.id,
          approve,
          comment: values.comment ?? "",
          claimedTasks: values.claimedTasks ?? [],
        },
      },
    }).catch(() => null);
    if (done) message.success(t("review.done"));
  };
  return (
    <Card title={t("review.title")} size="small" data-testid="review-card">
      {error && <Alert type="error" showIcon message={errorText(error, t, language)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item label={t("review.comment")} name="comment">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item label={t("review.claims")} name="claimedTasks" extra={t("review.claimsHelp")}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Space>
          <Button type="primary" loading={loading} onClick={() => void decide(true)}>
            {t("review.approve")}
          </Button>
          <Button danger loading={loading} onClick={() => void decide(false)}>
            {t("review.reject")}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function RequirementPage() {
  const { code = "" } = useParams();
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { viewer } = useSession();
  // cache-and-network: the cached copy shows at once, and what others did meanwhile (a review,
  // a confirmation) replaces it; cache-first showed a status without the round that set it.
  // No deduplication: a review made while that first fetch is still on its way must refetch
  // anew, not share the answer that predates it.
  const { data, loading, error, refetch } = useQuery(REQUIREMENT, {
    variables: { code },
    fetchPolicy: "cache-and-network",
    context: { queryDeduplication: false },
  });
  const work = useQuery(MY_WORK);
  const [submit, submitting] = useMutation(SUBMIT, { refetchQueries: [REQUIREMENT] });
  if (error) {
    const missing = errorCode(error) === "NOT_FOUND";
    return <Result status={missing ? "404" : "error"} title={missing ? t("req.notFound") : errorText(error, t, language)} />;
  }
  const requirement = data?.requirement;
  if (!requirement) return <Card loading={loading} />;
  const en = language === "en";
  const name = (d: { name: string; nameEn: string } | null | undefined) => (d ? (en && d.nameEn ? d.nameEn : d.name) : "");
  const awaitsMyReview = work.data?.myWork.reviews.some((r) => r.id === requirement.id) ?? false;
  const awaitsMyFeedback = work.data?.myWork.feedback.some((r) => r.id === requirement.id) ?? false;
  const canSubmit =
    requirement.initiator?.id === viewer.id && ["DRAFT", "PENDING_MODIFICATION"].includes(requirement.status);
  const texts = (["background", "goals", "deliverables", "acceptanceCriteria", "dataNeeds", "contact"] as const).filter(
    (key) => requirement[key],
  );
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {requirement.title}
        </Typography.Title>
        <StatusTag status={requirement.status} />
        {requirement.priority === "URGENT" && <Tag color="red">{t("priority.URGENT")}</Tag>}
      </Space>
      {canSubmit && (
        <Alert
          type="info"
          showIcon
          message={word(t, "status", requirement.status)}
          action={
            <Space wrap>
              <Link to={`/requirements/${requirement.code}/edit`}>{t("edit.open")}</Link>
              <Button
                type="primary"
                loading={submitting.loading}
                onClick={() =>
                  void submit({ variables: { id: requirement.id } })
                    .then(() => message.success(t("req.submitted")))
                    .catch((e: unknown) => message.error(errorText(e, t, language)))
                }
              >
                {t("req.submit")}
              </Button>
            </Space>
          }
        />
      )}
      {awaitsMyReview && <ReviewCard requirement={requirement} />}
      <ReviewSigners
        requirementId={requirement.id}
        status={requirement.status}
        initiatorId={requirement.initiator?.id ?? null}
        involved={requirement.involvedDepartments}
        round={[...requirement.reviewRounds].sort((a, b) => b.number - a.number)[0] ?? null}
        awaitsMyReview={awaitsMyReview}
      />
      {awaitsMyFeedback && (
        <FeedbackCard
          requirementId={requirement.id}
          departments={requirement.involvedDepartments.map((d) => ({ value: d.department.id, label: name(d.department) }))}
        />
      )}
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t("req.code")}>{requirement.code}</Descriptions.Item>
          <Descriptions.Item label={t("req.initiator")}>
            {requirement.initiator?.displayName} · {name(requirement.initiatingDepartment)}
          </Descriptions.Item>
          <Descriptions.Item label={t("req.expectedBy")}>{requirement.expectedBy ?? "—"}</Descriptions.Item>
          {requirement.template && (
            <Descriptions.Item label={t("req.template")}>{name(requirement.template)}</Descriptions.Item>
          )}
          {texts.map((key) => (
            <Descriptions.Item key={key} label={t(`req.${key}`)} span={{ xs: 1, md: 2, xl: 3 }}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{requirement[key]}</Typography.Paragraph>
            </Descriptions.Item>
          ))}
          {requirement.customFields
            .filter((value) => !value.retired)
            .map((value) => (
              <Descriptions.Item key={value.key} label={en && value.labelEn ? value.labelEn : value.label}>
                {customText(value, language) || "—"}
              </Descriptions.Item>
            ))}
        </Descriptions>
      </Card>
      <Card size="small" title={t("req.departments")}>
        <List
          size="small"
          dataSource={requirement.involvedDepartments}
          renderItem={(item) => (
            <List.Item>
              <Space wrap>
                <Typography.Text strong>{name(item.department)}</Typography.Text>
                {item.isLead && <Tag>{t("req.lead")}</Tag>}
                <Typography.Text type="secondary">{item.department.head?.displayName}</Typography.Text>
                {item.contribution && (
                  <Typography.Text>
                    {t("req.contribution")}: {item.contribution}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <AttachmentsCard
        attachments={requirement.attachments}
        target={["ARCHIVED", "CANCELLED"].includes(requirement.status) ? null : { requirementId: requirement.id }}
        onUploaded={() => void refetch()}
      />
      <Card size="small" title={t("req.reviews")} data-testid="review-timeline">
        {requirement.reviewRounds.length === 0 ? (
          <Typography.Text type="secondary">{t("common.none")}</Typography.Text>
        ) : (
          <Timeline
            items={requirement.reviewRounds.flatMap((round) => [
              {
                color: round.outcome === "APPROVED" ? "green" : round.outcome === "REJECTED" ? "red" : "blue",
                children: (
                  <Typography.Text strong>
                    {t("req.round", { n: round.number })} · {word(t, "status", round.outcome)} ·{" "}
                    {dayjs(round.openedAt).format("YYYY-MM-DD HH:mm")}
                  </Typography.Text>
                ),
              },
              ...round.reviews.map((review) => ({
                color: review.decision === "APPROVE" ? "green" : "red",
                children: (
                  <Space direction="vertical" size={0}>
                    <Typography.Text>
                      {name(review.department)} · {review.signedBy?.displayName}
                      {review.onBehalfOf ? ` (${t("req.onBehalfOf", { name: review.onBehalfOf.displayName })})` : ""} ·{" "}
                      <Tag color={review.decision === "APPROVE" ? "success" : "error"}>
                        {word(t, "decision", review.decision)}
                      </Tag>
                    </Typography.Text>
                    {review.comment && <Typography.Text>{review.comment}</Typography.Text>}
                    {review.claimedTasks.length > 0 && (
                      <Typography.Text>
                        {t("review.claims")}: {review.claimedTasks.join("；")}
                      </Typography.Text>
                    )}
                    <Typography.Text type="secondary">
                      {dayjs(review.signedAt).format("YYYY-MM-DD HH:mm")} · {t("req.contentHash")}{" "}
                      <code>{review.contentHash.slice(0, 12)}</code>
                    </Typography.Text>
                  </Space>
                ),
              })),
            ])}
          />
        )}
      </Card>
      <MeetingsCard code={requirement.code} />
      {requirement.tasks.length > 0 && <RequirementBoardCard requirementId={requirement.id} />}
      <ResultReportCard
        requirementId={requirement.id}
        report={requirement.resultReport}
        canWrite={
          requirement.initiator?.id === viewer.id &&
          requirement.status === "IN_PROGRESS" &&
          requirement.tasks.length > 0 &&
          requirement.tasks.every((task) => task.status === "COMPLETED")
        }
        onWritten={() => void refetch()}
      />
      <Card size="small" title={t("req.tasks")}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <Typography.Text type="secondary">{t("common.none")}</Typography.Text> }}
          dataSource={requirement.tasks}
          columns={[
            {
              title: t("task.title"),
              key: "title",
              render: (_, task) => <Link to={`/tasks/${task.code}`}>{`${task.code} ${task.title}`}</Link>,
            },
            { title: t("task.department"), key: "dept", render: (_, task) => name(task.executingDepartment) },
            { title: t("task.assignee"), key: "assignee", render: (_, task) => task.assignee?.displayName },
            {
              title: t("req.status"),
              key: "status",
              render: (_, task) => (
                <Space>
                  <StatusTag status={task.status} />
                  {task.isOverdue && <Tag color="red">{t("task.overdue")}</Tag>}
                </Space>
              ),
            },
            {
              title: t("task.percent"),
              key: "progress",
              render: (_, task) => (
                <Progress
                  percent={task.progress}
                  size="small"
                  style={{ minWidth: 100 }}
                  aria-label={`${task.code} ${t("task.percent")}`}
                />
              ),
            },
            {
              title: t("task.deadline"),
              key: "deadline",
              render: (_, task) => (task.deadline ? dayjs(task.deadline).format("YYYY-MM-DD") : "—"),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
