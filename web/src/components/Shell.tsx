// The frame of every signed-in screen: navigation with counts, live notifications,
// the account menu.
import { useQuery } from "@apollo/client";
import { UserOutlined } from "@ant-design/icons";
import { Badge, Button, Dropdown, Layout, Menu } from "antd";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useI18n } from "../i18n";
import { useSession } from "../viewer";
import { MY_WORK } from "../work";
import { NotificationBell } from "./NotificationBell";

export default function Shell() {
  const { t } = useI18n();
  const { viewer, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { data } = useQuery(MY_WORK, { pollInterval: 60_000 });
  const total = data?.myWork.total ?? 0;
  const selected = location.pathname.startsWith("/requirements/new")
    ? "new"
    : location.pathname === "/board"
      ? "board"
      : location.pathname.startsWith("/knowledge")
        ? "knowledge"
        : location.pathname === "/"
          ? "work"
          : "";
  const paths: Record<string, string> = { new: "/requirements/new", board: "/board", knowledge: "/knowledge" };
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header className="shell-header">
        <Link to="/" className="shell-brand">
          CrossFlow <span className="shell-brand-text">{t("appName")}</span>
        </Link>
        <Menu
          className="shell-menu"
          mode="horizontal"
          selectedKeys={[selected]}
          onClick={({ key }) => navigate(paths[key] ?? "/")}
          items={[
            {
              key: "work",
              label: (
                <span data-testid="nav-my-work">
                  {t("nav.myWork")}{" "}
                  <Badge count={total} size="small" showZero={false} aria-label={`${total}`} />
                </span>
              ),
            },
            { key: "new", label: t("nav.newRequirement") },
            { key: "board", label: t("nav.board") },
            { key: "knowledge", label: t("nav.knowledge") },
          ]}
        />
        <NotificationBell />
        <Dropdown
          trigger={["click"]}
          menu={{
            items: [
              { key: "account", label: t("nav.account") },
              { key: "signOut", label: t("nav.signOut") },
            ],
            onClick: ({ key }) => (key === "signOut" ? signOut() : navigate("/account")),
          }}
        >
          <Button type="text" icon={<UserOutlined />} aria-label={`${viewer.displayName} ${t("nav.account")}`}>
            <span className="shell-brand-text">{viewer.displayName}</span>
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout.Content className="shell-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
