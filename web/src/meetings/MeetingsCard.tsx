// 会议预约 on a requirement's page: its meetings (subject, time, place, attendees) with each
// one's .ics invite opened from a plain link signed by `signDownloadLink` (no token in the
// URL), and, for the initiator or ADMIN, booking one (`scheduleMeeting`), the attendees
// found on the server as one types. The server's BAD_USER_INPUT shows on the field it names.
import { CalendarOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@apollo/client";
import { Alert, App, Button, Card, Collapse, DatePicker, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from "antd";
import type { SelectProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { PersonPicker } from "../components/PersonPicker";
import { errorText, showOnField } from "../errors";
import { useDownload } from "../files/download";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import { useSession } from "../viewer";

export const REQUIREMENT_MEETINGS = graphql(`
  query RequirementMeetings($code: String!) {
    requirement(code: $code) {
      id
      status
      initiator {
        id
      }
      tasks {
        id
        code
        title
      }
      meetings {
        id
        title
        startsAt
        durationMinutes
        icsUrl
        minutes
        organizer {
          id
          displayName
        }
        attendees {
          id
          displayName
        }
        task {
          id
          code
          title
        }
      }
    }
  }
`);

const SCHEDULE = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      id
    }
  }
`);

/** Where a meeting may be booked (resolvers/collaboration/meetings.py MEETING_STATES). */
const CLOSED = ["DRAFT", "CANCELLED", "ARCHIVED"];

interface Values {
  title: string;
  startsAt: Dayjs;
  durationMinutes: number;
  attendeeIds: string[];
  taskId?: string;
}

/** A select without the `aria-required`/`aria-*` Form.Item would put on a plain div (axe). */
function TaskSelect({ "aria-required": _required, ...props }: SelectProps & { "aria-required"?: unknown }) {
  return <Select allowClear optionFilterProp="label" {...props} />;
}

export function MeetingsCard({ code }: { code: string }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { viewer } = useSession();
  const download = useDownload();
  // (untyped: a refusal's field, e.g. "attendeeIds", is only known at run time)
  const [form] = Form.useForm();
  const { data, refetch } = useQuery(REQUIREMENT_MEETINGS, { variables: { code } });
  const [schedule, scheduling] = useMutation(SCHEDULE);
  const [offField, setOffField] = useState(false);
  const requirement = data?.requirement;
  if (!requirement) return null;
  const mayBook =
    (requirement.initiator?.id === viewer.id || viewer.role === "ADMIN") && !CLOSED.includes(requirement.status);
  const book = async (values: Values) => {
    try {
      await schedule({
        variables: {
          input: {
            requirementId: requirement.id,
            title: values.title,
            startsAt: values.startsAt.second(0).millisecond(0).format(),
            durationMinutes: values.durationMinutes,
            attendeeIds: values.attendeeIds,
            taskId: values.taskId ?? null,
          },
        },
      });
      form.resetFields();
      message.success(t("meeting.booked"));
      await refetch();
    } catch (failure) {
      setOffField(!showOnField(form, failure, t, language));
    }
  };
  const required = (label: string) => ({ required: true, message: t("field.required", { label }) });
  return (
    <Card size="small" title={t("meeting.title")} data-testid="meetings-card">
      <List
        size="small"
        dataSource={requirement.meetings}
        locale={{ emptyText: <Typography.Text type="secondary">{t("common.none")}</Typography.Text> }}
        renderItem={(meeting) => (
          <List.Item
            actions={[
              <Button
                key="ics"
                size="small"
                icon={<CalendarOutlined />}
                aria-label={t("meeting.icsLabel", { title: meeting.title })}
                onClick={() => void download(meeting.icsUrl)}
              >
                {t("meeting.ics")}
              </Button>,
            ]}
          >
            <Space direction="vertical" size={2}>
              <Typography.Text strong>{meeting.title}</Typography.Text>
              <Typography.Text>
                {t("meeting.startsAt")}: {dayjs(meeting.startsAt).format("YYYY-MM-DD HH:mm")} ·{" "}
                {t("meeting.minutesShort", { n: meeting.durationMinutes })}
              </Typography.Text>
              <Typography.Text>
                {t("meeting.place")}: {t("meeting.online")}
              </Typography.Text>
              <Typography.Text>
                {t("meeting.attendees")}: {meeting.attendees.map((a) => a.displayName).join("、")}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t("meeting.organizer")}: {meeting.organizer?.displayName}
                {meeting.task ? ` · ${t("meeting.task")}: ${meeting.task.code} ${meeting.task.title}` : ""}
              </Typography.Text>
              {meeting.minutes && (
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                  <Tag>{t("meeting.minutes")}</Tag>
                  {meeting.minutes}
                </Typography.Paragraph>
              )}
            </Space>
          </List.Item>
        )}
      />
      {mayBook && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: "book",
              label: t("meeting.book"),
              children: (
                <>
                  {scheduling.error && offField && (
                    <Alert type="error" showIcon message={errorText(scheduling.error, t, language)} style={{ marginBottom: 12 }} />
                  )}
                  <Form form={form} name="meeting" layout="vertical" initialValues={{ durationMinutes: 30 }} onFinish={(values: Values) => void book(values)}>
                    <Form.Item
                      label={t("meeting.subject")}
                      name="title"
                      rules={[required(t("meeting.subject")), { min: 2, max: 200, whitespace: true, message: t("field.required", { label: t("meeting.subject") }) }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      label={t("meeting.startsAt")}
                      name="startsAt"
                      rules={[
                        required(t("meeting.startsAt")),
                        {
                          validator: (_, value?: Dayjs) =>
                            value && !value.isAfter(dayjs()) ? Promise.reject(new Error(t("meeting.futureOnly"))) : Promise.resolve(),
                        },
                      ]}
                    >
                      <DatePicker
                        showTime={{ format: "HH:mm" }}
                        format="YYYY-MM-DD HH:mm"
                        style={{ width: "100%" }}
                        disabledDate={(d) => d.isBefore(dayjs(), "day")}
                      />
                    </Form.Item>
                    <Form.Item label={t("meeting.duration")} name="durationMinutes" rules={[required(t("meeting.duration"))]}>
                      <InputNumber min={5} max={480} step={15} style={{ width: "100%" }} />
                    </Form.Item>
                    <Form.Item label={t("meeting.attendees")} name="attendeeIds" rules={[{ ...required(t("meeting.attendees")), type: "array", min: 1 }]}>
                      <PersonPicker mode="multiple" />
                    </Form.Item>
                    {requirement.tasks.length > 0 && (
                      <Form.Item label={t("meeting.task")} name="taskId">
                        <TaskSelect
                          placeholder={t("field.select")}
                          options={requirement.tasks.map((task) => ({ value: task.id, label: `${task.code} ${task.title}` }))}
                        />
                      </Form.Item>
                    )}
                    <Button type="primary" htmlType="submit" loading={scheduling.loading}>
                      {t("meeting.submit")}
                    </Button>
                  </Form>
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
