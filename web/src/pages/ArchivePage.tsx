// One archived requirement, read-only: the snapshot taken when it was archived (form,
// tasks with progress, the result report), whoever may read the archive; its participants
// also get a link to the (now read-only) requirement page.
import { useQuery } from "@apollo/client";
import { Card, Descriptions, Result, Space, Table, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { errorCode, errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n, word } from "../i18n";

const ARCHIVE = graphql(`
  query ArchiveRecord($id: ID!) {
    node(id: $id) {
      id
      ... on Archive {
        title
        summary
        createdAt
        snapshot
        requirement {
          id
          code
        }
      }
    }
  }
`);

interface Snapshot {
  code?: string;
  form?: Record<string, string | null>;
  tasks?: { code: string; title: string; status: string; progress: number }[];
  report?: { goalAchievement?: string; contributions?: string; problems?: string } | null;
}

const FORM_KEYS = ["background", "goals", "deliverables", "acceptanceCriteria", "dataNeeds", "expectedBy"] as const;
const REPORT_KEYS = ["goalAchievement", "contributions", "problems"] as const;

export default function ArchivePage() {
  const { id = "" } = useParams();
  const { t, language } = useI18n();
  const { data, error, loading } = useQuery(ARCHIVE, { variables: { id } });
  if (error) {
    const missing = errorCode(error) === "NOT_FOUND";
    return <Result status={missing ? "404" : "error"} title={missing ? t("req.notFound") : errorText(error, t, language)} />;
  }
  const archive = data?.node.__typename === "Archive" ? data.node : null;
  if (!archive) return <Card loading={loading} />;
  const snapshot = (archive.snapshot ?? {}) as Snapshot;
  const form = snapshot.form ?? {};
  const report = snapshot.report ?? {};
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {archive.title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {snapshot.code} · {t("knowledge.readOnly")}
        {archive.requirement && (
          <>
            {" · "}
            <Link to={`/requirements/${archive.requirement.code}`}>{t("knowledge.openRequirement")}</Link>
          </>
        )}
      </Typography.Text>
      <Card size="small" title={t("knowledge.form")}>
        {archive.summary && <Typography.Paragraph>{archive.summary}</Typography.Paragraph>}
        <Descriptions column={1} size="small">
          {FORM_KEYS.filter((key) => form[key]).map((key) => (
            <Descriptions.Item key={key} label={t(`req.${key}`)}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{form[key]}</Typography.Paragraph>
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      {(snapshot.tasks ?? []).length > 0 && (
        <Card size="small" title={t("req.tasks")}>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            scroll={{ x: true }}
            dataSource={snapshot.tasks ?? []}
            columns={[
              { title: t("task.code"), dataIndex: "code" },
              { title: t("task.title"), dataIndex: "title" },
              { title: t("req.status"), key: "status", render: (_, task) => word(t, "status", task.status) },
              { title: t("task.percent"), key: "progress", render: (_, task) => `${task.progress}%` },
            ]}
          />
        </Card>
      )}
      {REPORT_KEYS.some((key) => report[key]) && (
        <Card size="small" title={t("knowledge.report")}>
          <Descriptions column={1} size="small">
            {REPORT_KEYS.filter((key) => report[key]).map((key) => (
              <Descriptions.Item key={key} label={t(`knowledge.${key}`)}>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{report[key]}</Typography.Paragraph>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
