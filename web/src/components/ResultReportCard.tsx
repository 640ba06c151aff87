// 协作成果报告: the result report once written; before that, the initiator writes it here
// when every task has been accepted (the requirement then becomes COMPLETED and the
// participants are asked for feedback).
import { useMutation } from "@apollo/client";
import { Alert, App, Button, Card, Descriptions, Form, Input, Typography } from "antd";
import dayjs from "dayjs";
import { errorText } from "../errors";
import { graphql } from "../gql";
import type { RequirementPageQuery } from "../gql/graphql";
import { useI18n } from "../i18n";
import { MY_WORK } from "../work";

const SUBMIT_REPORT = graphql(`
  mutation SubmitResultReport($input: SubmitResultReportInput!) {
    submitResultReport(input: $input) {
      id
      status
    }
  }
`);

type Report = NonNullable<RequirementPageQuery["requirement"]["resultReport"]>;
const KEYS = ["goalAchievement", "contributions", "problems"] as const;

interface Values {
  goalAchievement: string;
  contributions?: string;
  problems?: string;
}

export function ResultReportCard({
  requirementId,
  report,
  canWrite,
  onWritten,
}: {
  requirementId: string;
  report: Report | null | undefined;
  canWrite: boolean;
  onWritten: () => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [submit, { loading, error }] = useMutation(SUBMIT_REPORT, { refetchQueries: [MY_WORK] });
  if (!report && !canWrite) return null;
  const send = async (values: Values) => {
    const done = await submit({
      variables: {
        input: {
          requirementId,
          goalAchievement: values.goalAchievement,
          contributions: values.contributions ?? "",
          problems: values.problems ?? "",
        },
      },
    }).catch(() => null);
    if (done) {
      message.success(t("report.written"));
      onWritten();
    }
  };
  return (
    <Card size="small" title={t("knowledge.report")} data-testid="result-report">
      {report ? (
        <Descriptions column={1} size="small">
          {KEYS.filter((key) => report[key]).map((key) => (
            <Descriptions.Item key={key} label={t(`knowledge.${key}`)}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{report[key]}</Typography.Paragraph>
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t("report.by")}>
            {report.author?.displayName} · {dayjs(report.createdAt).format("YYYY-MM-DD HH:mm")}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Form layout="vertical" onFinish={(values: Values) => void send(values)}>
          {error && <Alert type="error" showIcon message={errorText(error, t, language)} style={{ marginBottom: 12 }} />}
          <Form.Item
            label={t("knowledge.goalAchievement")}
            name="goalAchievement"
            rules={[{ required: true, whitespace: true, message: t("field.required", { label: t("knowledge.goalAchievement") }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
          <Form.Item label={t("knowledge.contributions")} name="contributions">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
          <Form.Item label={t("knowledge.problems")} name="problems">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t("report.submit")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
