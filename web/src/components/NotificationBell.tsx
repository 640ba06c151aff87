// The unread notifications: a badge and a list, updated live over `notificationAdded`
// (graphql-ws) without a reload. A new notification also refreshes 待办事项.
import { useMutation, useQuery, useSubscription } from "@apollo/client";
import { BellOutlined } from "@ant-design/icons";
import { App, Badge, Button, Empty, List, Popover, Typography } from "antd";
import dayjs from "dayjs";
import { useNavigate } from "react-router-dom";
import { graphql } from "../gql";
import { useI18n } from "../i18n";
import { MY_WORK } from "../work";

const UNREAD = graphql(`
  query UnreadNotifications {
    notifications(unreadOnly: true, first: 20) {
      totalCount
      edges {
        node {
          id
          kind
          title
          body
          subjectType
          subjectCode
          createdAt
        }
      }
    }
  }
`);

const ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      title
      body
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      id
      readAt
    }
  }
`);

function subjectPath(type: string, code: string): string | null {
  if (!code) return null;
  if (type === "Requirement") return `/requirements/${code}`;
  if (type === "Task") return `/tasks/${code}`;
  return null;
}

export function NotificationBell() {
  const { t } = useI18n();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const { data, refetch } = useQuery(UNREAD, { fetchPolicy: "cache-and-network" });
  const [markRead] = useMutation(MARK_READ, { refetchQueries: [UNREAD] });
  useSubscription(ADDED, {
    onData: ({ data: added, client }) => {
      const item = added.data?.notificationAdded;
      if (!item) return;
      notification.info({ message: item.title, description: item.body, placement: "topRight" });
      void refetch();
      void client.refetchQueries({ include: [MY_WORK] });
    },
  });
  const items = data?.notifications.edges.map((edge) => edge.node) ?? [];
  const count = data?.notifications.totalCount ?? 0;
  const content = (
    <div style={{ width: "min(360px, 88vw)" }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty description={t("notice.empty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => {
            const path = subjectPath(item.subjectType, item.subjectCode);
            return (
              <List.Item
                onClick={() => {
                  void markRead({ variables: { ids: [item.id] } });
                  if (path) navigate(path);
                }}
                style={{ cursor: path ? "pointer" : "default" }}
              >
                <List.Item.Meta
                  title={item.title}
                  description={
                    <>
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                        {item.body}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary">{dayjs(item.createdAt).format("MM-DD HH:mm")}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      {items.length > 0 && (
        <Button block type="link" onClick={() => void markRead({ variables: { ids: items.map((i) => i.id) } })}>
          {t("notice.markRead")}
        </Button>
      )}
    </div>
  );
  return (
    <Popover content={content} title={t("notice.title")} trigger="click" placement="bottomRight">
      <Button type="text" aria-label={`${t("nav.notifications")} ${count}`} data-testid="notification-bell">
        <Badge count={count} size="small" data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
