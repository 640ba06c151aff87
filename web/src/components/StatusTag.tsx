import { Tag } from "antd";
import { useI18n, word } from "../i18n";

const COLOURS: Record<string, string> = {
  DRAFT: "default",
  PENDING_REVIEW: "processing",
  PENDING_MODIFICATION: "warning",
  APPROVED: "success",
  INITIATED: "cyan",
  IN_PROGRESS: "processing",
  COMPLETED: "success",
  ARCHIVED: "default",
  CANCELLED: "default",
  SUBMITTED: "purple",
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={COLOURS[status] ?? "default"}>{word(t, "status", status)}</Tag>;
}
