// 待办事项: what awaits me, from the one `myWork` query, and the requirements I raised.
import { useQuery } from "@apollo/client";
import { Alert, Badge, Button, Card, Col, List, Progress, Row, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { StatusTag } from "../components/StatusTag";
import { errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import { useSession } from "../viewer";
import { MY_WORK } from "../work";

const MINE = graphql(`
  query MyRequirements($filter: RequirementFilter, $after: String) {
    requirements(filter: $filter, first: 10, after: $after) {
      totalCount
      edges {
        node {
          id
          code
          title
          status
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

function Section<T>(props: {
  title: string;
  testId: string;
  items: T[] | undefined;
  loading: boolean;
  render: (item: T) => ReactNode;
  count?: number;
  more?: () => void;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      data-testid={props.testId}
      title={
        <Space>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {props.title}
          </Typography.Title>
          <Badge
            count={props.count ?? props.items?.length ?? 0}
            showZero
            color={props.items?.length ? "#cf1322" : "#595959"}
          />
        </Space>
      }
    >
      <List
        size="small"
        loading={props.loading}
        dataSource={props.items ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">{t("work.empty")}</Typography.Text> }}
        renderItem={(item) => <List.Item>{props.render(item)}</List.Item>}
        loadMore={
          props.more && (
            <Button type="link" block onClick={props.more}>
              {t("work.more")}
            </Button>
          )
        }
      />
    </Card>
  );
}

export default function MyWorkPage() {
  const { t, language } = useI18n();
  const { viewer } = useSession();
  const { data, loading, error } = useQuery(MY_WORK);
  const mine = useQuery(MINE, { variables: { filter: { initiatorId: viewer.id } } });
  const work = data?.myWork;
  const date = (value: string | null | undefined) => (value ? dayjs(value).format("YYYY-MM-DD") : "");
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t("nav.myWork")}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={errorText(error, t, language)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Section
            title={t("work.reviews")}
            testId="work-reviews"
            items={work?.reviews}
            loading={loading}
            render={(r) => (
              <Space wrap>
                <Link to={`/requirements/${r.code}`}>
                  {r.code} {r.title}
                </Link>
                {r.priority === "URGENT" && <Tag color="red">{t("priority.URGENT")}</Tag>}
                <Typography.Text type="secondary">{r.initiator?.displayName}</Typography.Text>
              </Space>
            )}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Section
            title={t("work.tasks")}
            testId="work-tasks"
            items={work?.tasks}
            loading={loading}
            render={(task) => (
              <Space wrap style={{ width: "100%" }}>
                <Link to={`/tasks/${task.code}`}>
                  {task.code} {task.title}
                </Link>
                <StatusTag status={task.status} />
                {task.isOverdue && <Tag color="red">{t("task.overdue")}</Tag>}
                <Progress
                  percent={task.progress}
                  size="small"
                  style={{ width: 120, margin: 0 }}
                  aria-label={`${task.code} ${t("task.progressNow")}`}
                />
                <Typography.Text type="secondary">
                  {t("work.deadline")} {date(task.deadline)}
                </Typography.Text>
              </Space>
            )}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Section
            title={t("work.acceptances")}
            testId="work-acceptances"
            items={work?.acceptances}
            loading={loading}
            render={(task) => (
              <Space wrap>
                <Link to={`/tasks/${task.code}`}>
                  {task.code} {task.title}
                </Link>
                <Typography.Text type="secondary">{task.assignee?.displayName}</Typography.Text>
              </Space>
            )}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Section
            title={t("work.requests")}
            testId="work-requests"
            items={work?.collaborationRequests}
            loading={loading}
            render={(request) => (
              <Space direction="vertical" size={0}>
                <Link to={`/tasks/${request.task?.code ?? ""}`}>
                  {request.task?.code} {request.task?.title}
                </Link>
                <Typography.Text>{request.content}</Typography.Text>
                <Typography.Text type="secondary">
                  {t("work.from")} {language === "en" ? request.fromDepartment?.nameEn : request.fromDepartment?.name}{" "}
                  {request.fromUser?.displayName}
                </Typography.Text>
              </Space>
            )}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Section
            title={t("work.feedback")}
            testId="work-feedback"
            items={work?.feedback}
            loading={loading}
            render={(r) => (
              <Link to={`/requirements/${r.code}`}>
                {r.code} {r.title}
              </Link>
            )}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Section
            title={t("work.mine")}
            testId="work-mine"
            items={mine.data?.requirements.edges.map((edge) => edge.node)}
            count={mine.data?.requirements.totalCount}
            loading={mine.loading}
            more={
              mine.data?.requirements.pageInfo.hasNextPage
                ? () => void mine.fetchMore({ variables: { after: mine.data?.requirements.pageInfo.endCursor } })
                : undefined
            }
            render={(r) => (
              <Space wrap>
                <Link to={`/requirements/${r.code}`}>
                  {r.code} {r.title}
                </Link>
                <StatusTag status={r.status} />
              </Space>
            )}
          />
        </Col>
      </Row>
    </Space>
  );
}
