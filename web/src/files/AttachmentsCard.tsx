// 附件: a requirement's (or a task's) files with every version, each opened through a signed
// link, and an upload that adds a file or, under the same name, its next version with a
// change note (变更说明).
import { App, Button, Card, Form, Input, List, Space, Tag, Typography, Upload } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { useState } from "react";
import { errorText } from "../errors";
import { graphql } from "../gql";
import type { AttachmentItemFragment } from "../gql/graphql";
import { useI18n } from "../i18n";
import { useDownload } from "./download";
import { uploadAttachment, type UploadTarget } from "./upload";

export const ATTACHMENT_ITEM = graphql(`
  fragment AttachmentItem on Attachment {
    id
    fileName
    currentVersion
    task {
      id
      code
    }
    versions {
      id
      number
      size
      changeNote
      createdAt
      downloadUrl
      uploadedBy {
        id
        displayName
      }
    }
  }
`);

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  attachments: AttachmentItemFragment[];
  /** Where an upload goes; null: no upload here (archived, cancelled). */
  target: UploadTarget | null;
  onUploaded: () => void;
}

export function AttachmentsCard({ attachments, target, onUploaded }: Props) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const download = useDownload();
  const [note, setNote] = useState("");
  const [uploading, setUploading] = useState(false);
  return (
    <Card size="small" title={t("files.title")} data-testid="attachments">
      <List
        size="small"
        locale={{ emptyText: <Typography.Text type="secondary">{t("common.none")}</Typography.Text> }}
        dataSource={attachments}
        renderItem={(attachment) => (
          <List.Item>
            <Space direction="vertical" size={2} style={{ width: "100%" }}>
              <Space wrap>
                <Typography.Text strong>{attachment.fileName}</Typography.Text>
                <Tag>{t("files.version", { n: attachment.currentVersion })}</Tag>
                {attachment.task && <Tag>{attachment.task.code}</Tag>}
              </Space>
              {[...attachment.versions].reverse().map((version) => (
                <Space key={version.id} wrap size={4}>
                  <Button
                    size="small"
                    type="link"
                    style={{ paddingInline: 0 }}
                    aria-label={t("files.downloadVersion", { name: attachment.fileName, n: version.number })}
                    onClick={() => void download(version.downloadUrl)}
                  >
                    {t("files.version", { n: version.number })}
                  </Button>
                  <Typography.Text type="secondary">
                    {size(version.size)} · {version.uploadedBy?.displayName} ·{" "}
                    {dayjs(version.createdAt).format("YYYY-MM-DD HH:mm")}
                  </Typography.Text>
                  {version.changeNote && <Typography.Text>{version.changeNote}</Typography.Text>}
                </Space>
              ))}
            </Space>
          </List.Item>
        )}
      />
      {target && (
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item label={t("files.note")} htmlFor="attachment-note" extra={t("files.noteHelp")}>
            <Input id="attachment-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
          <Upload
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              setUploading(true);
              uploadAttachment(file as File, target, note)
                .then(() => {
                  onSuccess?.(null);
                  setNote("");
                  message.success(t("files.uploaded"));
                  onUploaded();
                })
                .catch((error: unknown) => {
                  onError?.(error as Error);
                  message.error(errorText(error, t, language));
                })
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              {t("files.upload")}
            </Button>
          </Upload>
        </Form>
      )}
    </Card>
  );
}
