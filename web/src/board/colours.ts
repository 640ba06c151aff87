// Task status colours shared by the boards' charts (Ant Design's palette).
export const STATUS_COLOURS: Record<string, string> = {
  PENDING: "#8c8c8c",
  IN_PROGRESS: "#1677ff",
  SUBMITTED: "#722ed1",
  COMPLETED: "#389e0d",
};
export const TASK_STATUSES = ["PENDING", "IN_PROGRESS", "SUBMITTED", "COMPLETED"] as const;
