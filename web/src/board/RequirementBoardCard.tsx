// 需求看板 of one requirement: total, completed, in progress, delayed and lagging tasks, and
// the tasks by status as a chart (lazy-loaded with the chart library).
import { useQuery } from "@apollo/client";
import { Alert, Card, Col, Row, Statistic, Typography } from "antd";
import { lazy, Suspense } from "react";
import { errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n, word } from "../i18n";
import { STATUS_COLOURS } from "./colours";

const BarChart = lazy(() => import("./BarChart"));

const BOARD = graphql(`
  query RequirementBoard($id: ID!) {
    requirementBoard(requirementId: $id) {
      total
      completed
      inProgress
      delayed
      lagging
      pendingAssignment
      summary
      byStatus {
        status
        count
      }
    }
  }
`);

export function RequirementBoardCard({ requirementId }: { requirementId: string }) {
  const { t, language } = useI18n();
  const { data, error, loading } = useQuery(BOARD, { variables: { id: requirementId } });
  const board = data?.requirementBoard;
  return (
    <Card size="small" title={t("board.requirement")} loading={loading && !board} data-testid="requirement-board">
      {error && <Alert type="error" showIcon message={errorText(error, t, language)} />}
      {board && (
        <>
          <Row gutter={[16, 8]}>
            {(
              [
                ["board.total", board.total],
                ["board.completed", board.completed],
                ["board.inProgress", board.inProgress],
                ["board.delayed", board.delayed],
                ["board.lagging", board.lagging],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={12} md={4}>
                <Statistic title={t(key)} value={value} />
              </Col>
            ))}
          </Row>
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {board.byStatus.map((s) => `${word(t, "status", s.status)} ${s.count}`).join(" · ")}
          </Typography.Paragraph>
          {board.total > 0 && (
            <Suspense fallback={null}>
              <BarChart
                height={200}
                rows={board.byStatus.map((s) => ({ name: word(t, "status", s.status), count: s.count }))}
                series={[{ key: "count", label: t("board.total"), colour: STATUS_COLOURS.IN_PROGRESS }]}
              />
            </Suspense>
          )}
        </>
      )}
    </Card>
  );
}
