// 知识库: archived requirements found by Chinese words (the API splits Chinese into words;
// every word must occur), each read as its archived snapshot, read-only.
import { useQuery } from "@apollo/client";
import { Card, Input, List, Result, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { errorText } from "../errors";
import { graphql } from "../gql";
import { useI18n } from "../i18n";

const ARCHIVES = graphql(`
  query KnowledgeSearch($search: String, $after: String) {
    archives(search: $search, first: 20, after: $after) {
      totalCount
      edges {
        node {
          id
          title
          summary
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export default function KnowledgePage() {
  const { t, language } = useI18n();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const [text, setText] = useState(search);
  const { data, error, loading, fetchMore } = useQuery(ARCHIVES, { variables: { search: search || null } });
  const archives = data?.archives;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t("nav.knowledge")}
      </Typography.Title>
      <Input.Search
        aria-label={t("knowledge.search")}
        placeholder={t("knowledge.searchHelp")}
        enterButton={t("knowledge.search")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        allowClear
      />
      {error ? (
        <Result status="error" title={errorText(error, t, language)} />
      ) : (
        <Card size="small" title={archives ? t("knowledge.found", { n: archives.totalCount }) : " "}>
          <List
            loading={loading && !archives}
            dataSource={archives?.edges ?? []}
            locale={{ emptyText: <Typography.Text type="secondary">{t("knowledge.none")}</Typography.Text> }}
            loadMore={
              archives?.pageInfo.hasNextPage ? (
                <Typography.Link
                  onClick={() => void fetchMore({ variables: { after: archives.pageInfo.endCursor } })}
                >
                  {t("knowledge.more")}
                </Typography.Link>
              ) : null
            }
            renderItem={({ node }) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/knowledge/${encodeURIComponent(node.id)}`}>{node.title}</Link>}
                  description={
                    <Space direction="vertical" size={0}>
                      {node.summary && <Typography.Text>{node.summary}</Typography.Text>}
                      <Typography.Text type="secondary">
                        {t("knowledge.archivedAt")} {dayjs(node.createdAt).format("YYYY-MM-DD")}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
