// 代理审批: a head names a delegate for a period of absence (reviews and acceptances are
// then theirs to sign, "on behalf of" the head), sees the delegations given, and revokes one.
import { useMutation, useQuery } from "@apollo/client";
import { Alert, App, Button, Card, DatePicker, Form, Input, List, Space, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { PersonPicker } from "../components/PersonPicker";
import { errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import { useSession } from "../viewer";

const DELEGATIONS = graphql(`
  query MyDelegations {
    delegations(includeEnded: true) {
      id
      startsAt
      endsAt
      revokedAt
      note
      isActive
      head {
        id
        displayName
      }
      delegate {
        id
        displayName
      }
    }
  }
`);

const SET_DELEGATE = graphql(`
  mutation SetDelegate($input: SetDelegateInput!) {
    setDelegate(input: $input) {
      id
    }
  }
`);

const REVOKE = graphql(`
  mutation RevokeDelegation($id: ID!) {
    revokeDelegation(id: $id) {
      id
      revokedAt
      isActive
    }
  }
`);

interface Values {
  delegateId: string;
  period: [Dayjs, Dayjs];
  note?: string;
}

export function DelegationCard() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { viewer } = useSession();
  const [form] = Form.useForm<Values>();
  const { data } = useQuery(DELEGATIONS);
  const [setDelegate, setting] = useMutation(SET_DELEGATE, { refetchQueries: [DELEGATIONS] });
  const [revoke, revoking] = useMutation(REVOKE);
  const send = async (values: Values) => {
    const done = await setDelegate({
      variables: {
        input: {
          delegateId: values.delegateId,
          startsAt: values.period[0].toISOString(),
          endsAt: values.period[1].toISOString(),
          note: values.note ?? "",
        },
      },
    }).catch(() => null);
    if (done) {
      form.resetFields();
      message.success(t("delegation.set"));
    }
  };
  const failure = setting.error ?? revoking.error;
  const given = (data?.delegations ?? []).filter((d) => d.head?.id === viewer.id);
  return (
    <Card size="small" title={t("delegation.title")} data-testid="delegation-card">
      {failure && <Alert type="error" showIcon message={errorText(failure, t, language)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(values) => void send(values)}>
        <Form.Item
          label={t("delegation.delegate")}
          name="delegateId"
          rules={[{ required: true, message: t("field.required", { label: t("delegation.delegate") }) }]}
        >
          <PersonPicker excludeIds={[viewer.id]} />
        </Form.Item>
        <Form.Item
          label={t("delegation.period")}
          name="period"
          rules={[{ required: true, message: t("field.required", { label: t("delegation.period") }) }]}
        >
          <DatePicker.RangePicker
            showTime={{ format: "HH:mm" }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: "100%" }}
            aria-label={t("delegation.period")}
          />
        </Form.Item>
        <Form.Item label={t("delegation.note")} name="note">
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={setting.loading}>
          {t("delegation.submit")}
        </Button>
      </Form>
      <List
        style={{ marginTop: 12 }}
        size="small"
        dataSource={given}
        locale={{ emptyText: <Typography.Text type="secondary">{t("common.none")}</Typography.Text> }}
        renderItem={(d) => (
          <List.Item
            actions={
              d.isActive || (!d.revokedAt && dayjs(d.endsAt).isAfter(dayjs()))
                ? [
                    <Button
                      key="revoke"
                      size="small"
                      danger
                      loading={revoking.loading}
                      onClick={() =>
                        void revoke({ variables: { id: d.id } })
                          .then(() => message.success(t("delegation.revoked")))
                          .catch(() => null)
                      }
                    >
                      {t("delegation.revoke")}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap>
              <Typography.Text strong>{d.delegate?.displayName}</Typography.Text>
              <Typography.Text>
                {dayjs(d.startsAt).format("YYYY-MM-DD HH:mm")} – {dayjs(d.endsAt).format("YYYY-MM-DD HH:mm")}
              </Typography.Text>
              {d.isActive && <Tag color="green">{t("delegation.active")}</Tag>}
              {d.revokedAt && <Tag>{t("delegation.revokedTag")}</Tag>}
              {d.note && <Typography.Text type="secondary">{d.note}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
