// 需求看板 by department: the reports the API gives heads (their departments) and
// executives (every department) — tasks by status as a chart, overdue figures as a table —
// with CSV/XLSX downloads through signed links. Anyone else sees the API's refusal, in words.
import { useQuery } from "@apollo/client";
import { Button, Card, Result, Space, Table, Typography } from "antd";
import { lazy, Suspense } from "react";
import { STATUS_COLOURS, TASK_STATUSES } from "../board/colours";
import { errorText } from "../errors";
import { useDownload } from "../files/download";
import { graphql } from "../gql";
import { useI18n, word } from "../i18n";

const BarChart = lazy(() => import("../board/BarChart"));

const REPORTS = graphql(`
  query DepartmentBoard {
    reports {
      tasksByStatus {
        departmentCode
        departmentName
        status
        count
      }
      overdueByDepartment {
        departmentCode
        departmentName
        tasks
        overdue
        completedLate
        completedOnTime
        notYetDue
        overdueRate
      }
    }
  }
`);

function Downloads({ name }: { name: string }) {
  const { t } = useI18n();
  const download = useDownload();
  return (
    <Space>
      {(["csv", "xlsx"] as const).map((fmt) => (
        <Button key={fmt} size="small" onClick={() => void download(`/reports/${name}.${fmt}`)}>
          {t("board.download", { format: fmt.toUpperCase() })}
        </Button>
      ))}
    </Space>
  );
}

export default function BoardPage() {
  const { t, language } = useI18n();
  const { data, error, loading } = useQuery(REPORTS);
  const title = (
    <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
      {t("nav.board")}
    </Typography.Title>
  );
  if (error) {
    return (
      <Space direction="vertical" style={{ width: "100%" }}>
        {title}
        <Result status="403" title={errorText(error, t, language)} />
      </Space>
    );
  }
  const reports = data?.reports;
  // Tasks by department and status, summed over the months the report lists.
  const byDepartment = new Map<string, Record<string, string | number>>();
  for (const row of reports?.tasksByStatus ?? []) {
    const entry = byDepartment.get(row.departmentCode) ?? { name: row.departmentName, total: 0 };
    entry[row.status] = Number(entry[row.status] ?? 0) + row.count;
    entry.total = Number(entry.total) + row.count;
    byDepartment.set(row.departmentCode, entry);
  }
  const rows = [...byDepartment.values()];
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      {title}
      <Card
        size="small"
        loading={loading && !reports}
        title={t("board.tasksByStatus")}
        extra={<Downloads name="task-status-by-department" />}
        data-testid="board-status"
      >
        <Suspense fallback={null}>
          <BarChart
            rows={rows}
            series={TASK_STATUSES.map((status) => ({
              key: status,
              label: word(t, "status", status),
              colour: STATUS_COLOURS[status],
            }))}
          />
        </Suspense>
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          scroll={{ x: true }}
          dataSource={rows}
          columns={[
            { title: t("task.department"), dataIndex: "name" },
            { title: t("board.total"), dataIndex: "total" },
            ...TASK_STATUSES.map((status) => ({
              title: word(t, "status", status),
              key: status,
              render: (_: unknown, row: Record<string, string | number>) => row[status] ?? 0,
            })),
          ]}
        />
      </Card>
      <Card
        size="small"
        loading={loading && !reports}
        title={t("board.overdue")}
        extra={<Downloads name="overdue-by-department" />}
        data-testid="board-overdue"
      >
        <Table
          size="small"
          rowKey="departmentCode"
          pagination={false}
          scroll={{ x: true }}
          dataSource={reports?.overdueByDepartment ?? []}
          columns={[
            { title: t("task.department"), dataIndex: "departmentName" },
            { title: t("board.total"), dataIndex: "tasks" },
            { title: t("board.delayed"), dataIndex: "overdue" },
            { title: t("board.completedLate"), dataIndex: "completedLate" },
            { title: t("board.completedOnTime"), dataIndex: "completedOnTime" },
            {
              title: t("board.overdueRate"),
              key: "rate",
              render: (_, row) => (row.overdueRate == null ? "—" : `${Math.round(row.overdueRate * 100)}%`),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
