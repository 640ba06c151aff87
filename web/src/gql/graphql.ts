/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date (isoformat) */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 with a time zone (e.g. 2026-07-15T18:00:00+08:00) */
  DateTime: { input: string; output: string; }
  /** Decimal (fixed-point) */
  Decimal: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** Represents a file upload. */
  Upload: { input: File; output: File; }
};

/** A remark on a task; @username mentions notify that person */
export type AddCommentInput = {
  /** 1-5000 characters */
  body: Scalars['String']['input'];
  taskId: Scalars['ID']['input'];
};

/** A warning that fired, recorded once */
export type Alert = Node & {
  __typename?: 'Alert';
  firedAt: Scalars['DateTime']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  instance: Scalars['Int']['output'];
  rule?: Maybe<WarningRule>;
  subjectCode: Scalars['String']['output'];
  subjectType: Scalars['String']['output'];
  task?: Maybe<Task>;
};

/** The monthly Collaboration Analysis Report (协作分析报告) of one Beijing month */
export type AnalysisReport = Node & {
  __typename?: 'AnalysisReport';
  createdAt: Scalars['DateTime']['output'];
  /** Why the latest build failed, if it did */
  error: Scalars['String']['output'];
  /** When the stored documents were built; null until the first build */
  generatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** GET with the bearer token: the HTML page with charts */
  htmlUrl?: Maybe<Scalars['String']['output']>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** YYYY-MM */
  month: Scalars['String']['output'];
  requestedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who asked for the latest build (null: the monthly schedule) */
  requestedBy?: Maybe<User>;
  /** Of the latest build; a READY report stays downloadable while it is rebuilt */
  status: AnalysisReportStatus;
  /** Headline numbers: requirements, tasks, overdue rate, … */
  summary: Scalars['JSON']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** GET with the bearer token: the Excel workbook */
  xlsxUrl?: Maybe<Scalars['String']['output']>;
};

/** A page of a list (Relay connection), in the requested order; only rows the viewer may read */
export type AnalysisReportConnection = {
  __typename?: 'AnalysisReportConnection';
  /** The page's rows, at most `first` */
  edges: Array<AnalysisReportEdge>;
  /** Whether more rows follow, and cursors */
  pageInfo: PageInfo;
  /** How many rows match the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** One row of a page with its cursor */
export type AnalysisReportEdge = {
  __typename?: 'AnalysisReportEdge';
  /** Opaque and stable position of this row: pass it as `after` to read on */
  cursor: Scalars['String']['output'];
  /** The row */
  node: AnalysisReport;
};

/** QUEUED, READY or FAILED (the latest build) */
export type AnalysisReportStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'READY';

/** The addressed department's answer */
export type AnswerCollaborationRequestInput = {
  answer: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};

/** A token for BI tools; the secret is shown once */
export type ApiToken = Node & {
  __typename?: 'ApiToken';
  createdAt: Scalars['DateTime']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role: Role;
};

/** A read-only record in the knowledge base (知识库) */
export type Archive = Node & {
  __typename?: 'Archive';
  archivedBy?: Maybe<User>;
  createdAt: Scalars['DateTime']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  requirement?: Maybe<Requirement>;
  /** The whole record as archived: form, tasks, progress, report */
  snapshot: Scalars['JSON']['output'];
  summary: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** When this record last changed (UTC); filter or sort by it to load changes */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of a list (Relay connection), in the requested order; only rows the viewer may read */
export type ArchiveConnection = {
  __typename?: 'ArchiveConnection';
  /** The page's rows, at most `first` */
  edges: Array<ArchiveEdge>;
  /** Whether more rows follow, and cursors */
  pageInfo: PageInfo;
  /** How many rows match the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** One row of a page with its cursor */
export type ArchiveEdge = {
  __typename?: 'ArchiveEdge';
  /** Opaque and stable position of this row: pass it as `after` to read on */
  cursor: Scalars['String']['output'];
  /** The row */
  node: Archive;
};

/** Archived requirements (知识库) matching every given field */
export type ArchiveFilter = {
  /** Every word must occur (Chinese is split into words) */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Changed within this range (incremental loads: from = the start of your last pull) */
  updatedAt?: InputMaybe<DateTimeRange>;
};

/** Sort order of the archive */
export type ArchiveOrder = {
  /** Ascending by default */
  direction?: OrderDirection;
  /** What to sort by */
  field: ArchiveOrderField;
};

/** What the archive (知识库) can be sorted by */
export type ArchiveOrderField =
  /** When it was archived */
  | 'ARCHIVED_AT'
  /** When the archive record last changed (incremental loads) */
  | 'UPDATED_AT';

/** A named file with its version history */
export type Attachment = Node & {
  __typename?: 'Attachment';
  createdAt: Scalars['DateTime']['output'];
  currentVersion: Scalars['Int']['output'];
  fileName: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  requirement?: Maybe<Requirement>;
  task?: Maybe<Task>;
  uploadedBy?: Maybe<User>;
  /** Every stored version, the first first */
  versions: Array<AttachmentVersion>;
};

/** One stored file, by content hash */
export type AttachmentVersion = Node & {
  __typename?: 'AttachmentVersion';
  changeNote: Scalars['String']['output'];
  contentType: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** GET it with the same bearer token (Authorization header) as /graphql */
  downloadUrl: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  number: Scalars['Int']['output'];
  sha256: Scalars['String']['output'];
  size: Scalars['Int']['output'];
  uploadedBy?: Maybe<User>;
};

/** Who did what, when, before and after */
export type AuditEntry = Node & {
  __typename?: 'AuditEntry';
  action: Scalars['String']['output'];
  actor?: Maybe<User>;
  actorLabel: Scalars['String']['output'];
  after?: Maybe<Scalars['JSON']['output']>;
  before?: Maybe<Scalars['JSON']['output']>;
  createdAt: Scalars['DateTime']['output'];
  fromState: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  note: Scalars['String']['output'];
  onBehalfOf?: Maybe<User>;
  subjectCode: Scalars['String']['output'];
  subjectType: Scalars['String']['output'];
  toState: Scalars['String']['output'];
  via: Scalars['String']['output'];
};

/** An admin decision on one working day */
export type CalendarOverride = Node & {
  __typename?: 'CalendarOverride';
  day: Scalars['Date']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  isWorkday: Scalars['Boolean']['output'];
  note: Scalars['String']['output'];
};

/** Your current password and the new one */
export type ChangePasswordInput = {
  /** The password you sign in with now */
  currentPassword: Scalars['String']['input'];
  /** The new password: 8 to 128 characters */
  newPassword: Scalars['String']['input'];
};

/** How a warning or notification is delivered */
export type Channel =
  /** An email over SMTP to the person's address */
  | 'EMAIL'
  /** An in-app notification (and a live subscription push) */
  | 'IN_APP'
  /** A post to the enabled webhook channels (group chat bots) */
  | 'WEBHOOK';

/** Collaboration requests raised in the period from one department to another */
export type CollaborationCell = {
  __typename?: 'CollaborationCell';
  answered: Scalars['Int']['output'];
  averageHoursToAnswer?: Maybe<Scalars['Float']['output']>;
  count: Scalars['Int']['output'];
  fromDepartment?: Maybe<Department>;
  fromDepartmentCode?: Maybe<Scalars['String']['output']>;
  fromDepartmentName?: Maybe<Scalars['String']['output']>;
  /** Not answered yet */
  open: Scalars['Int']['output'];
  toDepartment: Department;
  toDepartmentCode: Scalars['String']['output'];
  toDepartmentName: Scalars['String']['output'];
};

/** A request for help (协作请求) */
export type CollaborationRequest = Node & {
  __typename?: 'CollaborationRequest';
  answer: Scalars['String']['output'];
  answeredAt?: Maybe<Scalars['DateTime']['output']>;
  answeredBy?: Maybe<User>;
  content: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  expectedBy?: Maybe<Scalars['DateTime']['output']>;
  fromDepartment?: Maybe<Department>;
  fromUser?: Maybe<User>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  status: CollaborationStatus;
  task?: Maybe<Task>;
  /** The department asked for help */
  toDepartment?: Maybe<Department>;
  /** When this record last changed (UTC); filter or sort by it to load changes */
  updatedAt: Scalars['DateTime']['output'];
};

/** Whether a collaboration request (协作请求) was answered */
export type CollaborationStatus =
  /** Answered by the addressed department */
  | 'ANSWERED'
  /** Waiting for the addressed department's answer */
  | 'OPEN';

/** A remark on a task; @username mentions notify */
export type Comment = Node & {
  __typename?: 'Comment';
  author?: Maybe<User>;
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Users @mentioned in the body */
  mentions: Array<User>;
  task?: Maybe<Task>;
};

/** Ask a department for help (协作请求) */
export type CreateCollaborationRequestInput = {
  /** What help is needed (required) */
  content?: Scalars['String']['input'];
  /** When the help is needed, in the future, with a time zone */
  expectedBy?: InputMaybe<Scalars['DateTime']['input']>;
  taskId: Scalars['ID']['input'];
  toDepartmentId: Scalars['ID']['input'];
};

/** A new field of the requirement form (no templateId) or a template */
export type CreateFormFieldInput = {
  helpText?: Scalars['String']['input'];
  /** Letters, digits and _, starting with a letter */
  key: Scalars['String']['input'];
  label: Scalars['String']['input'];
  labelEn?: Scalars['String']['input'];
  options?: InputMaybe<Array<FormFieldOptionInput>>;
  position?: Scalars['Int']['input'];
  required?: Scalars['Boolean']['input'];
  templateId?: InputMaybe<Scalars['ID']['input']>;
  type: FormFieldType;
};

/** A requirement from a template; omitted fields come from it */
export type CreateRequirementFromTemplateInput = {
  acceptanceCriteria?: Scalars['String']['input'];
  /** Empty: the template's text */
  background?: Scalars['String']['input'];
  contact?: Scalars['String']['input'];
  /** Values of the admin-defined fields by key (see requirementForm): TEXT a string, NUMBER and MONEY a number or decimal string, DATE 'YYYY-MM-DD', CHOICE an option value, MULTI_CHOICE a list of option values, USER, DEPARTMENT and FILE a global id */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  /** 数据需求清单 */
  dataNeeds?: Scalars['String']['input'];
  deliverables?: Scalars['String']['input'];
  expectedBy?: InputMaybe<Scalars['Date']['input']>;
  goals?: Scalars['String']['input'];
  /** Null: the template's departments */
  involvedDepartmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Null: the template's */
  priority?: InputMaybe<Priority>;
  templateId: Scalars['ID']['input'];
  /** Concrete: 客户投诉：A2024批次外壳开裂处理 */
  title: Scalars['String']['input'];
};

/** The Requirement Form (需求申请表) */
export type CreateRequirementInput = {
  /** Acceptance criteria (验收标准) */
  acceptanceCriteria?: Scalars['String']['input'];
  /** Background (需求背景) */
  background?: Scalars['String']['input'];
  /** Contact (联系方式) */
  contact?: Scalars['String']['input'];
  /** Values of the admin-defined fields by key (see requirementForm): TEXT a string, NUMBER and MONEY a number or decimal string, DATE 'YYYY-MM-DD', CHOICE an option value, MULTI_CHOICE a list of option values, USER, DEPARTMENT and FILE a global id */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  /** 数据需求清单 */
  dataNeeds?: Scalars['String']['input'];
  /** Deliverables (交付物) */
  deliverables?: Scalars['String']['input'];
  /** Expected completion day (期望完成时间), YYYY-MM-DD */
  expectedBy?: InputMaybe<Scalars['Date']['input']>;
  /** Goals (需求目标) */
  goals?: Scalars['String']['input'];
  /** Departments asked to take part and review (the initiator's own leads) */
  involvedDepartmentIds: Array<Scalars['ID']['input']>;
  /** NORMAL or URGENT */
  priority?: Priority;
  /** Concrete: 2024年Q3新品上市推广方案, not 做个推广 */
  title: Scalars['String']['input'];
};

/** A Process Improvement Suggestion (流程优化建议表) */
export type CreateSuggestionInput = {
  contact?: Scalars['String']['input'];
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  expectedEffect?: Scalars['String']['input'];
  painPoint: Scalars['String']['input'];
  proposal: Scalars['String']['input'];
};

/** The Task Assignment form (任务分配): one responsible person */
export type CreateTaskInput = {
  /** How the results will be judged (验收标准) */
  acceptanceCriteria?: Scalars['String']['input'];
  /** Required: the one responsible person (责任人) */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Departments that help (协助部门, global ids) */
  assistingDepartmentIds?: Array<Scalars['ID']['input']>;
  /** With a time zone */
  deadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** Details of the task */
  description?: Scalars['String']['input'];
  /** The department that owns the task (执行部门, global id) */
  executingDepartmentId: Scalars['ID']['input'];
  /** NORMAL or URGENT */
  priority?: Priority;
  /** The requirement (global id), INITIATED or IN_PROGRESS */
  requirementId: Scalars['ID']['input'];
  /** Planned start day (YYYY-MM-DD) */
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** SMART: 设计部：完成主视觉图初稿（7月15日前） */
  title: Scalars['String']['input'];
};

/** A condition on an admin-defined field; every given part must hold */
export type CustomFieldFilter = {
  /** TEXT: part of the text */
  contains?: InputMaybe<Scalars['String']['input']>;
  /** Values are strings: numbers '12.5', dates '2024-07-01', option values, global ids for USER, DEPARTMENT and FILE */
  equals?: InputMaybe<Scalars['String']['input']>;
  gte?: InputMaybe<Scalars['String']['input']>;
  /** Any of these */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  key: Scalars['String']['input'];
  lte?: InputMaybe<Scalars['String']['input']>;
};

/** A stored value of an admin-defined field, read with the definition the requirement was written against; exactly the member of its type is set */
export type CustomFieldValue = {
  __typename?: 'CustomFieldValue';
  /** CHOICE (one) and MULTI_CHOICE (several), with their labels */
  choices?: Maybe<Array<FormFieldOption>>;
  /** DATE */
  dateValue?: Maybe<Scalars['Date']['output']>;
  /** DEPARTMENT */
  department?: Maybe<Department>;
  /** FILE (null when you may not read the attachment) */
  file?: Maybe<Attachment>;
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  labelEn: Scalars['String']['output'];
  /** MONEY, in yuan with two decimal places */
  moneyValue?: Maybe<Scalars['Decimal']['output']>;
  /** NUMBER */
  numberValue?: Maybe<Scalars['Decimal']['output']>;
  /** The field has been retired (or changed away) since */
  retired: Scalars['Boolean']['output'];
  /** TEXT */
  textValue?: Maybe<Scalars['String']['output']>;
  type: FormFieldType;
  /** USER */
  user?: Maybe<User>;
};

/** Dates from `from` to `to`, both included; either may be open */
export type DateRange = {
  /** First day (YYYY-MM-DD), included; null: open */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Last day (YYYY-MM-DD), included; null: open */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** Instants from `from` to `to`, both included; with a time zone */
export type DateTimeRange = {
  /** Earliest instant, included; null: open */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Latest instant, included; null: open */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A head's delegate for a period (代理审批) */
export type Delegation = Node & {
  __typename?: 'Delegation';
  delegate?: Maybe<User>;
  endsAt: Scalars['DateTime']['output'];
  head?: Maybe<User>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Whether the delegation is in force now */
  isActive: Scalars['Boolean']['output'];
  note: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  startsAt: Scalars['DateTime']['output'];
};

/** A department (部门), known by its code */
export type Department = Node & {
  __typename?: 'Department';
  code: Scalars['String']['output'];
  /** The head of the department (部门负责人) */
  head?: Maybe<User>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  isActive: Scalars['Boolean']['output'];
  /** The Chinese name, e.g. 市场部 */
  name: Scalars['String']['output'];
  nameEn: Scalars['String']['output'];
  /** When this record last changed (UTC); filter or sort by it to load changes */
  updatedAt: Scalars['DateTime']['output'];
};

/** How many finished in the period, and their average duration in hours */
export type DepartmentLeadTime = {
  __typename?: 'DepartmentLeadTime';
  averageHours?: Maybe<Scalars['Float']['output']>;
  count: Scalars['Int']['output'];
  department: Department;
  departmentCode: Scalars['String']['output'];
  departmentName: Scalars['String']['output'];
};

/** Tasks whose deadline falls in the period, by executing department */
export type DepartmentOverdue = {
  __typename?: 'DepartmentOverdue';
  completedLate: Scalars['Int']['output'];
  completedOnTime: Scalars['Int']['output'];
  department: Department;
  departmentCode: Scalars['String']['output'];
  departmentName: Scalars['String']['output'];
  /** Not completed, deadline still ahead */
  notYetDue: Scalars['Int']['output'];
  /** Not completed, deadline passed (延迟) */
  overdue: Scalars['Int']['output'];
  /** (overdue + completedLate) / (tasks - notYetDue); null when nothing is due yet */
  overdueRate?: Maybe<Scalars['Float']['output']>;
  /** Tasks due in the period */
  tasks: Scalars['Int']['output'];
};

/** The admin's evaluation of a suggestion */
export type EvaluateSuggestionInput = {
  id: Scalars['ID']['input'];
  note?: Scalars['String']['input'];
  status: SuggestionStatus;
};

/** The Collaboration Feedback Form (协作反馈表) */
export type Feedback = Node & {
  __typename?: 'Feedback';
  author?: Maybe<User>;
  authorDepartment?: Maybe<Department>;
  /** Human code, e.g. FK202407001 */
  code: Scalars['String']['output'];
  content: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Departments the feedback is about */
  departments: Array<Department>;
  handlingResult: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  kind: FeedbackKind;
  proposal: Scalars['String']['output'];
  requirement?: Maybe<Requirement>;
  /** When this record last changed (UTC); filter or sort by it to load changes */
  updatedAt: Scalars['DateTime']['output'];
};

/** Feedback given in the period, by kind and the department it names */
export type FeedbackCount = {
  __typename?: 'FeedbackCount';
  count: Scalars['Int']['output'];
  department?: Maybe<Department>;
  /** Null for feedback that names no department */
  departmentCode?: Maybe<Scalars['String']['output']>;
  departmentName?: Maybe<Scalars['String']['output']>;
  kind: FeedbackKind;
};

/** What a feedback form (协作反馈表) is about */
export type FeedbackKind =
  /** Praise for departments (表扬) */
  | 'PRAISE'
  /** A problem that arose (问题) */
  | 'PROBLEM'
  /** A suggestion (建议) */
  | 'SUGGESTION';

/** A field the admin added to the requirement form or a template */
export type FormField = Node & {
  __typename?: 'FormField';
  /** false: retired (停用), kept for old values */
  active: Scalars['Boolean']['output'];
  helpText: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** The key its value is sent and stored under */
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  labelEn: Scalars['String']['output'];
  /** The choices of a CHOICE or MULTI_CHOICE field */
  options: Array<FormFieldOption>;
  position: Scalars['Int']['output'];
  required: Scalars['Boolean']['output'];
  /** The template whose form it belongs to; null: every requirement */
  templateId?: Maybe<Scalars['ID']['output']>;
  /** The kind of value */
  type: FormFieldType;
  updatedAt: Scalars['DateTime']['output'];
};

/** One option of a CHOICE or MULTI_CHOICE field */
export type FormFieldOption = {
  __typename?: 'FormFieldOption';
  label: Scalars['String']['output'];
  labelEn: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** An option of a choice field */
export type FormFieldOptionInput = {
  label: Scalars['String']['input'];
  labelEn?: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

/** The type of an admin-defined form field (自定义表单字段) and of its value */
export type FormFieldType =
  /** One of the field's options (its value) */
  | 'CHOICE'
  /** A calendar date, ISO 8601 (YYYY-MM-DD) */
  | 'DATE'
  /** A department, by global id */
  | 'DEPARTMENT'
  /** An attachment, by global id */
  | 'FILE'
  /** An amount with 2 decimal places, stored as a decimal string */
  | 'MONEY'
  /** A list of the field's option values */
  | 'MULTI_CHOICE'
  /** A decimal number (up to 6 places), stored as a decimal string */
  | 'NUMBER'
  /** Text, at most 2,000 characters */
  | 'TEXT'
  /** A user, by global id */
  | 'USER';

/** A department involved (涉及部门) */
export type InvolvedDepartment = {
  __typename?: 'InvolvedDepartment';
  /** What this department provides */
  contribution: Scalars['String']['output'];
  /** The department */
  department: Department;
  /** True for the lead department (牵头部门) */
  isLead: Scalars['Boolean']['output'];
};

/** A username and password */
export type LoginInput = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

/** A bearer token for the Authorization header, and its user */
export type LoginPayload = {
  __typename?: 'LoginPayload';
  expiresInSeconds: Scalars['Int']['output'];
  token: Scalars['String']['output'];
  user: User;
};

/** A meeting about a delay (会议预约) and its minutes */
export type Meeting = Node & {
  __typename?: 'Meeting';
  attendees: Array<User>;
  /** The decisions with their owners, typed (see decisions) */
  decisionItems: Array<MeetingDecision>;
  /** [{"decision": str, "ownerId": int}] */
  decisions: Scalars['JSON']['output'];
  durationMinutes: Scalars['Int']['output'];
  /** The iCalendar invite: GET it with the bearer token (Authorization header) */
  icsUrl: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  minutes: Scalars['String']['output'];
  minutesRecordedAt?: Maybe<Scalars['DateTime']['output']>;
  organizer?: Maybe<User>;
  requirement?: Maybe<Requirement>;
  startsAt: Scalars['DateTime']['output'];
  task?: Maybe<Task>;
  title: Scalars['String']['output'];
};

/** A decision of a meeting and its owner */
export type MeetingDecision = {
  __typename?: 'MeetingDecision';
  decision: Scalars['String']['output'];
  owner?: Maybe<User>;
};

export type MeetingDecisionInput = {
  decision: Scalars['String']['input'];
  ownerId: Scalars['ID']['input'];
};

/** Minutes pre-filled from the task and its latest delay record (纪要草稿) */
export type MeetingMinutesDraft = {
  __typename?: 'MeetingMinutesDraft';
  meeting: Meeting;
  /** 新节点 */
  newDeadline?: Maybe<Scalars['DateTime']['output']>;
  /** The task's current progress, 0-100 */
  progress?: Maybe<Scalars['Int']['output']>;
  /** 延迟原因, from the latest reschedule */
  reason?: Maybe<Scalars['String']['output']>;
  /** The delay record the draft was filled from */
  reschedule?: Maybe<TaskReschedule>;
  /** 解决方案, from the latest reschedule */
  solution?: Maybe<Scalars['String']['output']>;
  task?: Maybe<Task>;
  taskCode?: Maybe<Scalars['String']['output']>;
  taskTitle?: Maybe<Scalars['String']['output']>;
  /** Ready to edit: 任务, 当前进度, 延迟原因, 解决方案, 新节点 */
  text: Scalars['String']['output'];
};

/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type Mutation = {
  __typename?: 'Mutation';
  /** Comment on a task (participants); @mentions notify */
  addComment: Comment;
  /** Answer a request addressed to your department */
  answerCollaborationRequest: CollaborationRequest;
  /** Archive into the knowledge base (ADMIN) */
  archiveRequirement: Requirement;
  /** Withdraw before initiation (initiator or ADMIN). Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator or ADMIN); NOT_FOUND; INVALID_TRANSITION (INITIATED or later); BAD_USER_INPUT */
  cancelRequirement: Requirement;
  /** Change your password; every other session is signed out and a new token returned */
  changePassword: LoginPayload;
  /** Confirm initiation (确认立项), ADMIN only. Errors: UNAUTHENTICATED; FORBIDDEN (not ADMIN); NOT_FOUND; INVALID_TRANSITION (not APPROVED); BAD_USER_INPUT */
  confirmRequirement: Requirement;
  /** Ask another department for help (participants) */
  createCollaborationRequest: CollaborationRequest;
  /** Add a field to the requirement form or a template's form (ADMIN) */
  createFormField: FormField;
  /** Raise a requirement as a draft (草稿), as the initiator. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token); BAD_USER_INPUT (the field named) */
  createRequirement: Requirement;
  /** Raise a draft pre-filled from a template; confirmation adds its tasks */
  createRequirementFromTemplate: Requirement;
  /** Propose a process improvement */
  createSuggestion: Suggestion;
  /** Split off a task (initiator or ADMIN, once initiated); the assignee is notified. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator or ADMIN, archived); NOT_FOUND; INVALID_TRANSITION (requirement not INITIATED or IN_PROGRESS); BAD_USER_INPUT (the field named) */
  createTask: Task;
  /** Delete a saved report (ADMIN) */
  deleteReport: SavedReport;
  /** Evaluate a suggestion (ADMIN) */
  evaluateSuggestion: Suggestion;
  /** Build (or rebuild) the Collaboration Analysis Report of a month, e.g. "2026-10", in the background (ADMIN); the report is QUEUED until it is READY */
  generateAnalysisReport: AnalysisReport;
  /** Sign in; send the token as `Authorization: Bearer <token>` */
  login: LoginPayload;
  /** Mark your notifications read (not with a read-only BI token) */
  markNotificationsRead: Array<Notification>;
  /** Record the minutes and decisions (organizer, initiator or ADMIN) */
  recordMeetingMinutes: Meeting;
  /** Report progress (进度更新), the assignee; every report is kept. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the assignee, archived); NOT_FOUND; INVALID_TRANSITION (task not IN_PROGRESS); BAD_USER_INPUT (the field named) */
  reportProgress: Task;
  /** Move a deadline with reason and solution (initiator or ADMIN); opens a new warning instance. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator or ADMIN, archived); NOT_FOUND; INVALID_TRANSITION (task COMPLETED); BAD_USER_INPUT (the field named) */
  rescheduleTask: Task;
  /** Retire a field (停用): off the form, old values stay readable (ADMIN) */
  retireFormField: FormField;
  /** Sign off (电子签批) as an involved department's head or active delegate; the last approval makes it APPROVED, a rejection sends it back. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not an involved head or delegate); NOT_FOUND; INVALID_TRANSITION (not PENDING_REVIEW, already reviewed this round); BAD_USER_INPUT (a rejection without a comment) */
  reviewRequirement: Requirement;
  /** Accept or reject results (acceptance group) */
  reviewTaskResult: Task;
  /** Save a query under a name, replacing one of the same name (ADMIN) */
  saveReport: SavedReport;
  /** Book a meeting and invite people (initiator or ADMIN) */
  scheduleMeeting: Meeting;
  /** Name a delegate for your reviews and acceptances (代理审批), as a department head. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not a head); BAD_USER_INPUT (the field named: period, unknown delegate) */
  setDelegate: Delegation;
  /** The language of your screens and notifications: zh (简体中文) or en */
  setLanguage: User;
  /** Revoke every token you were issued (sign out on all devices) */
  signOutEverywhere: User;
  /** Start work (进行中), the assignee; the first started task moves the requirement to IN_PROGRESS. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the assignee, archived); NOT_FOUND; INVALID_TRANSITION (task not PENDING, or a task of the requirement has no assignee); BAD_USER_INPUT (not a Task id) */
  startTask: Task;
  /** Give feedback once per requirement (participants) */
  submitFeedback: Feedback;
  /** Submit for review (待审核), opening a review round; notifies the heads. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator); NOT_FOUND; INVALID_TRANSITION (not DRAFT or PENDING_MODIFICATION); BAD_USER_INPUT */
  submitRequirement: Requirement;
  /** Write the result report (the initiator) */
  submitResultReport: Requirement;
  /** Hand in results (the assignee) */
  submitTaskResult: Task;
  /** Change a field's label, options, required flag … (ADMIN) */
  updateFormField: FormField;
  /** Edit a DRAFT or PENDING_MODIFICATION requirement (initiator). Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator); NOT_FOUND; INVALID_TRANSITION (other status); CONFLICT (stale version); BAD_USER_INPUT */
  updateRequirement: Requirement;
  /** Edit an unfinished task (initiator or ADMIN); a new assignee is notified. Errors: UNAUTHENTICATED; FORBIDDEN (read-only token, not the initiator or ADMIN, archived); NOT_FOUND; INVALID_TRANSITION (task COMPLETED, requirement not INITIATED or IN_PROGRESS); CONFLICT (stale version); BAD_USER_INPUT (the field named; a started task's deadline: use rescheduleTask) */
  updateTask: Task;
  /** Change a warning rule (ADMIN); audited */
  updateWarningRule: WarningRule;
  /** Upload a file (multipart, with the X-CrossFlow-CSRF header); the same name again is a new version */
  uploadAttachment: Attachment;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationAddCommentArgs = {
  input: AddCommentInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationAnswerCollaborationRequestArgs = {
  input: AnswerCollaborationRequestInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationArchiveRequirementArgs = {
  id: Scalars['ID']['input'];
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationCancelRequirementArgs = {
  id: Scalars['ID']['input'];
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationConfirmRequirementArgs = {
  id: Scalars['ID']['input'];
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationCreateCollaborationRequestArgs = {
  input: CreateCollaborationRequestInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationCreateFormFieldArgs = {
  input: CreateFormFieldInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationCreateRequirementArgs = {
  input: CreateRequirementInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationCreateRequirementFromTemplateArgs = {
  input: CreateRequirementFromTemplateInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationCreateSuggestionArgs = {
  input: CreateSuggestionInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationCreateTaskArgs = {
  input: CreateTaskInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationDeleteReportArgs = {
  id: Scalars['ID']['input'];
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationEvaluateSuggestionArgs = {
  input: EvaluateSuggestionInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationGenerateAnalysisReportArgs = {
  month: Scalars['String']['input'];
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationLoginArgs = {
  input: LoginInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationMarkNotificationsReadArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationRecordMeetingMinutesArgs = {
  input: RecordMeetingMinutesInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationReportProgressArgs = {
  input: ReportProgressInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationRescheduleTaskArgs = {
  input: RescheduleTaskInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationRetireFormFieldArgs = {
  id: Scalars['ID']['input'];
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationReviewRequirementArgs = {
  input: ReviewRequirementInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationReviewTaskResultArgs = {
  input: ReviewTaskResultInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationSaveReportArgs = {
  input: SaveReportInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationScheduleMeetingArgs = {
  input: ScheduleMeetingInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationSetDelegateArgs = {
  input: SetDelegateInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationSetLanguageArgs = {
  language: Scalars['String']['input'];
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationStartTaskArgs = {
  id: Scalars['ID']['input'];
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationSubmitFeedbackArgs = {
  input: SubmitFeedbackInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationSubmitRequirementArgs = {
  id: Scalars['ID']['input'];
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationSubmitResultReportArgs = {
  input: SubmitResultReportInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationSubmitTaskResultArgs = {
  input: SubmitTaskResultInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationUpdateFormFieldArgs = {
  input: UpdateFormFieldInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationUpdateRequirementArgs = {
  input: UpdateRequirementInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationUpdateTaskArgs = {
  input: UpdateTaskInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationUpdateWarningRuleArgs = {
  input: WarningRuleInput;
};


/** Changes; BI tokens are read-only (FORBIDDEN). Failures carry extensions.code */
export type MutationUploadAttachmentArgs = {
  input: UploadAttachmentInput;
};

/** What awaits you (待办事项); each list newest first, at most 100 */
export type MyWork = {
  __typename?: 'MyWork';
  /** Submitted task results awaiting the acceptance group you belong to */
  acceptances: Array<Task>;
  /** Open collaboration requests addressed to your department */
  collaborationRequests: Array<CollaborationRequest>;
  /** Finished requirements you took part in and have not given feedback on */
  feedback: Array<Requirement>;
  /** Requirements a department you head (or stand in for) has yet to review */
  reviews: Array<Requirement>;
  /** Tasks you are responsible for that are not completed, earliest deadline first */
  tasks: Array<Task>;
  /** How many items the lists hold together */
  total: Scalars['Int']['output'];
};

/** An object with a Globally Unique ID */
export type Node = {
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
};

/** A message in the viewer's inbox */
export type Notification = Node & {
  __typename?: 'Notification';
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  kind: NotificationKind;
  readAt?: Maybe<Scalars['DateTime']['output']>;
  subjectCode: Scalars['String']['output'];
  subjectType: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** When this record last changed (UTC); filter or sort by it to load changes */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of a list (Relay connection), in the requested order; only rows the viewer may read */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The page's rows, at most `first` */
  edges: Array<NotificationEdge>;
  /** Whether more rows follow, and cursors */
  pageInfo: PageInfo;
  /** How many rows match the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** One row of a page with its cursor */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Opaque and stable position of this row: pass it as `after` to read on */
  cursor: Scalars['String']['output'];
  /** The row */
  node: Notification;
};

/** Your notifications matching every given field */
export type NotificationFilter = {
  /** Any of these kinds */
  kinds?: InputMaybe<Array<NotificationKind>>;
  /** Only the unread ones */
  unreadOnly?: Scalars['Boolean']['input'];
};

/** What a notification is about */
export type NotificationKind =
  /** A warning (预警) of the rule ACCEPTANCE_SLA */
  | 'ALERT_ACCEPTANCE_SLA'
  /** A warning (预警) of the rule COLLABORATION_SLA */
  | 'ALERT_COLLABORATION_SLA'
  /** The warnings held during quiet hours, in one message */
  | 'ALERT_DIGEST'
  /** A warning (预警) of the rule DUE_SOON */
  | 'ALERT_DUE_SOON'
  /** A warning (预警) of the rule ESCALATION */
  | 'ALERT_ESCALATION'
  /** A warning (预警) of the rule OVERDUE */
  | 'ALERT_OVERDUE'
  /** A warning (预警) of the rule REVIEW_SLA */
  | 'ALERT_REVIEW_SLA'
  /** A warning (预警) of the rule STALE */
  | 'ALERT_STALE'
  /** Your collaboration request was answered */
  | 'COLLABORATION_ANSWERED'
  /** Your department was asked for help (协作请求) */
  | 'COLLABORATION_REQUEST'
  /** A completed requirement asks for your feedback (协作反馈表) */
  | 'FEEDBACK_REQUESTED'
  /** A meeting you take part in was booked */
  | 'MEETING_SCHEDULED'
  /** You were @mentioned in a comment */
  | 'MENTION'
  /** Every involved department approved the requirement */
  | 'REQUIREMENT_APPROVED'
  /** The admin confirmed the initiation (确认立项) */
  | 'REQUIREMENT_INITIATED'
  /** Your task results were accepted */
  | 'RESULT_ACCEPTED'
  /** Your task results were rejected */
  | 'RESULT_REJECTED'
  /** Task results await your acceptance (验收) */
  | 'RESULT_SUBMITTED'
  /** A department rejected your requirement */
  | 'REVIEW_REJECTED'
  /** A requirement awaits your department's review */
  | 'REVIEW_REQUESTED'
  /** A message from the platform to the admins (e.g. missing calendar data) */
  | 'SYSTEM'
  /** A task was assigned to you */
  | 'TASK_ASSIGNED'
  /** A task's deadline was changed */
  | 'TASK_RESCHEDULED';

/** Sort order of your notifications */
export type NotificationOrder = {
  /** Ascending by default */
  direction?: OrderDirection;
  /** What to sort by */
  field: NotificationOrderField;
};

/** What your notification list can be sorted by */
export type NotificationOrderField =
  /** When it was sent */
  | 'CREATED_AT';

/** Sort direction; rows with equal values follow their creation order */
export type OrderDirection =
  /** Ascending: smallest, earliest first */
  | 'ASC'
  /** Descending: largest, latest first */
  | 'DESC';

/** Where a page stands in its list (Relay cursor pagination) */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last row, for the next page's `after`; null on an empty page */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more rows follow; ask for them with `after: endCursor` */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when the page was asked for `after` a cursor */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the page's first row; null on an empty page */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** How urgent a requirement is; urgent ones are warned about earlier */
export type Priority =
  /** Normal priority (普通) */
  | 'NORMAL'
  /** Urgent (紧急): warning rules use their urgent threshold (due soon: 3 days) */
  | 'URGENT';

/** A progress report (进度更新) */
export type ProgressUpdate = Node & {
  __typename?: 'ProgressUpdate';
  /** Who reported it (the task's assignee) */
  author?: Maybe<User>;
  /** When it was reported, UTC */
  createdAt: Scalars['DateTime']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Progress, 0-100 percent */
  percent: Scalars['Int']['output'];
  /** Problems met (遇到的问题); may be empty */
  problems: Scalars['String']['output'];
  /** What was done, concretely */
  summary: Scalars['String']['output'];
  /** Support needed (需要的支持); may be empty */
  supportNeeded: Scalars['String']['output'];
  /** The task reported on */
  task?: Maybe<Task>;
};

/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type Query = {
  __typename?: 'Query';
  /** Monthly Collaboration Analysis Reports (ADMIN and EXECUTIVE), newest first */
  analysisReports: AnalysisReportConnection;
  /** Archived records (知识库) containing every word of `search`, newest first */
  archives: ArchiveConnection;
  /** Every active department, in display order */
  departments: Array<Department>;
  /** A draft of the minutes, pre-filled from the task's latest delay record */
  meetingMinutesDraft: MeetingMinutesDraft;
  /** Tasks you are responsible for (我的任务); newest first unless orderBy says */
  myTasks: TaskConnection;
  /** What awaits you (待办事项): reviews, acceptances, requests, tasks, feedback */
  myWork: MyWork;
  /** Any object by its global id; NOT_FOUND outside your scope */
  node: Node;
  /** Your notifications; newest first unless orderBy says otherwise */
  notifications: NotificationConnection;
  /** What a proposed rule would warn about now, and to whom (ADMIN) */
  previewWarningRule: WarningRulePreview;
  /** Reports and aggregates (ADMIN, EXECUTIVE, BI; a DEPT_HEAD for their own department). Others: FORBIDDEN */
  reports?: Maybe<Reports>;
  /** A requirement by its code (XQ202407001) */
  requirement: Requirement;
  /** The requirement board (需求看板): counts by status, delayed, summary */
  requirementBoard: RequirementBoard;
  /** The form a requirement fills in (the base form, plus a template's fields) */
  requirementForm: RequirementForm;
  /** Scenario templates to start a requirement from (ADMIN: disabled ones too) */
  requirementTemplates: Array<RequirementTemplate>;
  /** Requirements you may see; newest first unless orderBy says otherwise */
  requirements: RequirementConnection;
  /** Saved reports BI tools may pull by name (whoever may read reports) */
  savedReports: SavedReportConnection;
  /** Improvement suggestions; newest first unless orderBy says otherwise */
  suggestions: SuggestionConnection;
  /** A task by its code (RW202407001-01) */
  task: Task;
  /** Tasks you may see; newest first unless orderBy says otherwise */
  tasks: TaskConnection;
  /** The people directory (active people unless includeInactive), by username */
  users: UserConnection;
  /** The signed-in user, or null when nobody is signed in */
  viewer?: Maybe<User>;
  /** The warning rules (预警规则) */
  warningRules: Array<WarningRule>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryAnalysisReportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryArchivesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArchiveFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ArchiveOrder>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryMeetingMinutesDraftArgs = {
  meetingId: Scalars['ID']['input'];
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryMyTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TaskFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TaskOrder>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NotificationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<NotificationOrder>;
  unreadOnly?: Scalars['Boolean']['input'];
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryPreviewWarningRuleArgs = {
  input: WarningRuleInput;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryReportsArgs = {
  filter?: InputMaybe<ReportFilterInput>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryRequirementArgs = {
  code: Scalars['String']['input'];
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryRequirementBoardArgs = {
  requirementId: Scalars['ID']['input'];
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryRequirementFormArgs = {
  templateId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryRequirementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RequirementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<RequirementOrder>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QuerySavedReportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QuerySuggestionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SuggestionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<SuggestionOrder>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryTaskArgs = {
  code: Scalars['String']['input'];
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TaskFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TaskOrder>;
};


/** Reads. Every list and object answers only within the viewer's scope (DESIGN.md) */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<UserOrder>;
};

/** Who a warning goes to, relative to what it is about */
export type Recipient =
  /** The initiator and the involved departments' heads */
  | 'ACCEPTANCE_GROUP'
  /** The task's assignee (for collaboration requests: who asked) */
  | 'ASSIGNEE'
  /** The head (or active delegate) of the department concerned */
  | 'DEPARTMENT_HEAD'
  /** The requirement's initiator */
  | 'INITIATOR';

/** The minutes (纪要) and the decisions taken, each with an owner */
export type RecordMeetingMinutesInput = {
  decisions: Array<MeetingDecisionInput>;
  meetingId: Scalars['ID']['input'];
  minutes: Scalars['String']['input'];
};

/** The period and departments of a report: Beijing dates or one month (YYYY-MM) */
export type ReportFilterInput = {
  /** Only these departments (within what the viewer may read) */
  departmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** First Beijing date, inclusive */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** A Beijing calendar month, e.g. 2026-10 (not with from/to) */
  month?: InputMaybe<Scalars['String']['input']>;
  /** Last Beijing date, inclusive */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** A concrete progress update (进度更新) */
export type ReportProgressInput = {
  /** 0-100 */
  percent: Scalars['Int']['input'];
  /** Problems met (遇到的问题) */
  problems?: Scalars['String']['input'];
  /** What was done, concretely (not 正在做) */
  summary: Scalars['String']['input'];
  /** Support needed (需要的支持) */
  supportNeeded?: Scalars['String']['input'];
  /** The task's global id */
  taskId: Scalars['ID']['input'];
};

/** Grouped aggregates for management and BI, computed in SQL. ADMIN, EXECUTIVE and BI see every department, a DEPT_HEAD their own */
export type Reports = {
  __typename?: 'Reports';
  /** Results decided in the period: submitted → accepted or rejected, hours */
  acceptanceLeadTime: Array<DepartmentLeadTime>;
  /** Collaboration requests as a department × department matrix (from → to) */
  collaborationResponseTimes: Array<CollaborationCell>;
  /** Feedback counts by kind and the department it names */
  feedbackByKind: Array<FeedbackCount>;
  /** Overdue rate of the tasks due in the period, by department */
  overdueByDepartment: Array<DepartmentOverdue>;
  /** Requirements completed in the period: first submitted → completed, hours */
  requirementCycleTime: Array<DepartmentLeadTime>;
  /** Requirements raised and completed, by initiating department */
  requirementsByDepartment: Array<RequirementFlow>;
  /** Reviews signed in the period: round opened → signed, hours, by department */
  reviewLeadTime: Array<DepartmentLeadTime>;
  /** Tasks completed in the period: started → completed, hours */
  taskCycleTime: Array<DepartmentLeadTime>;
  /** Tasks by status × executing department × creation month */
  tasksByStatus: Array<TaskStatusByDepartment>;
};

/** The Requirement Form (需求申请表) */
export type Requirement = Node & {
  __typename?: 'Requirement';
  /** Acceptance criteria (验收标准) */
  acceptanceCriteria: Scalars['String']['output'];
  /** When every involved department had approved, UTC */
  approvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was archived into the knowledge base (知识库), UTC */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Files of the requirement form (附件); with includeTasks, its tasks' too */
  attachments: Array<Attachment>;
  /** Background (需求背景) */
  background: Scalars['String']['output'];
  /** When it was cancelled, UTC */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Human code, e.g. XQ202407001 */
  code: Scalars['String']['output'];
  /** When it was completed, UTC */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How to reach the initiator (联系方式) */
  contact: Scalars['String']['output'];
  /** When it was raised, UTC */
  createdAt: Scalars['DateTime']['output'];
  /** The number of the latest review round; 0 before the first submission */
  currentRound: Scalars['Int']['output'];
  /** Values of the admin-defined fields (自定义字段), typed, read with the definitions it was written against (retired fields included) */
  customFields: Array<CustomFieldValue>;
  /** Data needs list (数据需求清单) */
  dataNeeds: Scalars['String']['output'];
  /** Expected deliverables (交付物) */
  deliverables: Scalars['String']['output'];
  /** Expected completion day (期望完成时间), YYYY-MM-DD */
  expectedBy?: Maybe<Scalars['Date']['output']>;
  /** Participants' feedback forms */
  feedback: Array<Feedback>;
  /** The requirement form version its custom fields were written against */
  formVersion?: Maybe<Scalars['Int']['output']>;
  /** Goals (需求目标) */
  goals: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** When the admin confirmed initiation (立项), UTC */
  initiatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The initiator's department when it was raised (发起部门) */
  initiatingDepartment?: Maybe<Department>;
  /** The person who raised it (发起人) */
  initiator?: Maybe<User>;
  /** The lead and helping departments (涉及部门) */
  involvedDepartments: Array<InvolvedDepartment>;
  /** NORMAL or URGENT (紧急) */
  priority: Priority;
  /** The Collaboration Result Report, once written */
  resultReport?: Maybe<ResultReport>;
  /** Every review round, the first first */
  reviewRounds: Array<ReviewRound>;
  /** Where it stands in its workflow */
  status: RequirementStatus;
  /** When it was last submitted for review, UTC */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many tasks the work was split into (one GROUP BY per page) */
  taskCount: Scalars['Int']['output'];
  /** The tasks the work was split into, in order */
  tasks: Array<Task>;
  /** The scenario template (需求模板) it was made from, if any */
  template?: Maybe<RequirementTemplate>;
  /** The version of the scenario template it was made with (null: none) */
  templateVersion?: Maybe<Scalars['Int']['output']>;
  /** Requirement name (需求名称) */
  title: Scalars['String']['output'];
  /** When it last changed, UTC */
  updatedAt: Scalars['DateTime']['output'];
  /** Raised by every edit; send it back in updateRequirement to detect a CONFLICT */
  version: Scalars['Int']['output'];
};


/** The Requirement Form (需求申请表) */
export type RequirementAttachmentsArgs = {
  includeTasks?: Scalars['Boolean']['input'];
};

/** The requirement board (需求看板): 总任务10项，已完成6项，进行中3项，延迟1项 */
export type RequirementBoard = {
  __typename?: 'RequirementBoard';
  /** Every task status with its count (zero included) */
  byStatus: Array<TaskStatusCount>;
  /** Tasks in status COMPLETED (已完成) */
  completed: Scalars['Int']['output'];
  /** Deadline passed and not COMPLETED (延迟) */
  delayed: Scalars['Int']['output'];
  /** Tasks in status IN_PROGRESS */
  inProgress: Scalars['Int']['output'];
  /** Tasks without a responsible person */
  pendingAssignment: Scalars['Int']['output'];
  /** The requirement the board shows */
  requirement: Requirement;
  /** The board in one sentence, as the source says it */
  summary: Scalars['String']['output'];
  /** All tasks of the requirement (总任务) */
  total: Scalars['Int']['output'];
};

/** A page of a list (Relay connection), in the requested order; only rows the viewer may read */
export type RequirementConnection = {
  __typename?: 'RequirementConnection';
  /** The page's rows, at most `first` */
  edges: Array<RequirementEdge>;
  /** Whether more rows follow, and cursors */
  pageInfo: PageInfo;
  /** How many rows match the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** One row of a page with its cursor */
export type RequirementEdge = {
  __typename?: 'RequirementEdge';
  /** Opaque and stable position of this row: pass it as `after` to read on */
  cursor: Scalars['String']['output'];
  /** The row */
  node: Requirement;
};

/** Requirements matching every given field */
export type RequirementFilter = {
  /** Created within this range */
  createdAt?: InputMaybe<DateTimeRange>;
  /** Conditions on admin-defined fields (自定义字段), all must hold */
  customFields?: InputMaybe<Array<CustomFieldFilter>>;
  /** Involved departments (涉及部门, the lead included), any */
  departmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Expected completion date within this range */
  expectedBy?: InputMaybe<DateRange>;
  /** Raised by this person (发起人, global id) */
  initiatorId?: InputMaybe<Scalars['ID']['input']>;
  /** This priority */
  priority?: InputMaybe<Priority>;
  /** Any of these statuses */
  statuses?: InputMaybe<Array<RequirementStatus>>;
  /** Part of the title or code */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Changed within this range (incremental loads: from = the start of your last pull) */
  updatedAt?: InputMaybe<DateTimeRange>;
};

/** Requirements raised (first submitted) and completed, by initiating department */
export type RequirementFlow = {
  __typename?: 'RequirementFlow';
  completed: Scalars['Int']['output'];
  department: Department;
  departmentCode: Scalars['String']['output'];
  departmentName: Scalars['String']['output'];
  raised: Scalars['Int']['output'];
};

/** The admin-defined fields a requirement fills in, for a generic form renderer */
export type RequirementForm = {
  __typename?: 'RequirementForm';
  /** Active fields: the base form's first, then the template's, by position */
  fields: Array<FormField>;
  /** The template's version, when the form is a template's */
  templateVersion?: Maybe<Scalars['Int']['output']>;
  /** The base form's version (null before its first field); a requirement records it as formVersion */
  version?: Maybe<Scalars['Int']['output']>;
};

/** Sort order of a requirement list (no expectedBy comes last) */
export type RequirementOrder = {
  /** Ascending by default */
  direction?: OrderDirection;
  /** What to sort by */
  field: RequirementOrderField;
};

/** What a requirement list can be sorted by */
export type RequirementOrderField =
  /** The requirement code, e.g. XQ202611001 */
  | 'CODE'
  /** When it was created */
  | 'CREATED_AT'
  /** The expected completion date (期望完成时间) */
  | 'EXPECTED_BY'
  /** Priority by name: NORMAL before URGENT ascending */
  | 'PRIORITY'
  /** When it last changed */
  | 'UPDATED_AT';

/** Where a requirement (需求) stands in its workflow */
export type RequirementStatus =
  /** Every involved department approved; awaits the admin's 确认立项 */
  | 'APPROVED'
  /** Archived by the admin (已归档); read-only for everyone */
  | 'ARCHIVED'
  /** Cancelled before initiation (已取消) */
  | 'CANCELLED'
  /** Every task accepted and the result report written (已完成) */
  | 'COMPLETED'
  /** Saved by the initiator, not yet submitted (草稿) */
  | 'DRAFT'
  /** Initiation confirmed by the admin (已立项); tasks may be created */
  | 'INITIATED'
  /** A task has been started (进行中) */
  | 'IN_PROGRESS'
  /** A department rejected it; the initiator revises (待修改) */
  | 'PENDING_MODIFICATION'
  /** Submitted; the involved departments review it (待评审) */
  | 'PENDING_REVIEW';

/** A scenario template (需求模板): pre-fills a requirement and plans its tasks */
export type RequirementTemplate = Node & {
  __typename?: 'RequirementTemplate';
  /** The departments involved by default; one leads */
  departments: Array<TemplateDepartment>;
  /** Pre-fills the background (需求背景) */
  description: Scalars['String']['output'];
  /** false: listed for the ADMIN only, not usable */
  enabled: Scalars['Boolean']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Stable key, e.g. customer-complaint */
  key: Scalars['String']['output'];
  /** The Chinese name, e.g. 客户投诉跨部门处理 */
  name: Scalars['String']['output'];
  nameEn: Scalars['String']['output'];
  priority: Priority;
  /** Each department's response time limit and standard (响应时效) */
  responseLimits: Array<TemplateResponseLimit>;
  /** Tasks added on confirmation, due days after initiation */
  tasks: Array<TemplateTask>;
  /** Warning thresholds that replace the global rules' for its requirements */
  thresholds: Array<TemplateThreshold>;
  updatedAt: Scalars['DateTime']['output'];
  /** Raised by every change; a requirement records the version it was made with */
  version: Scalars['Int']['output'];
};

/** A handled delay: reason, solution and new deadline (all required) */
export type RescheduleTaskInput = {
  /** 新节点, in the future, with a time zone (required) */
  newDeadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** 原因 (required) */
  reason?: Scalars['String']['input'];
  /** 解决方案 (required) */
  solution?: Scalars['String']['input'];
  /** The task's global id */
  taskId: Scalars['ID']['input'];
};

/** The acceptance decision (验收) on submitted task results */
export type ResultDecision =
  /** Accepted by the acceptance group; the task is COMPLETED */
  | 'ACCEPTED'
  /** Not decided yet */
  | 'PENDING'
  /** Rejected; the task goes back to IN_PROGRESS */
  | 'REJECTED';

/** The Collaboration Result Report (协作成果报告) */
export type ResultReport = Node & {
  __typename?: 'ResultReport';
  author?: Maybe<User>;
  contributions: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  goalAchievement: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  problems: Scalars['String']['output'];
  requirement?: Maybe<Requirement>;
};

/** An electronic sign-off (电子签批) */
export type Review = Node & {
  __typename?: 'Review';
  /** Tasks the department takes on */
  claimedTasks: Array<Scalars['String']['output']>;
  /** The reviewer's comment (审核意见) */
  comment: Scalars['String']['output'];
  /** The requirement was edited after this sign-off */
  contentChangedSinceApproval: Scalars['Boolean']['output'];
  /** SHA-256 of the requirement content that was signed */
  contentHash: Scalars['String']['output'];
  /** Approve or reject */
  decision: ReviewDecision;
  /** The department signed for */
  department?: Maybe<Department>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** The head a delegate signed for (X on behalf of Y) */
  onBehalfOf?: Maybe<User>;
  /** When it was signed, UTC */
  signedAt: Scalars['DateTime']['output'];
  /** Who signed */
  signedBy?: Maybe<User>;
};

/** A department's decision in a review round (评审) */
export type ReviewDecision =
  /** Approve, claiming the department's tasks */
  | 'APPROVE'
  /** Reject with comments; the requirement goes back for modification */
  | 'REJECT';

/** A sign-off: approve with the tasks you take on, or reject */
export type ReviewRequirementInput = {
  /** true: approve; false: reject */
  approve: Scalars['Boolean']['input'];
  /** Tasks your department takes on (认领任务) */
  claimedTasks?: Array<Scalars['String']['input']>;
  /** Your comment (审核意见); required when rejecting */
  comment?: Scalars['String']['input'];
  /** The department you sign for, if you may sign for several */
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  /** The requirement (global id), PENDING_REVIEW */
  requirementId: Scalars['ID']['input'];
};

/** One pass of the involved heads (审核轮次) */
export type ReviewRound = Node & {
  __typename?: 'ReviewRound';
  /** When the round was decided, UTC; null while OPEN */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** 1 for the first submission, then +1 each */
  number: Scalars['Int']['output'];
  /** When the round was opened, UTC */
  openedAt: Scalars['DateTime']['output'];
  /** OPEN until decided */
  outcome: RoundOutcome;
  /** The departments' sign-offs in this round */
  reviews: Array<Review>;
};

/** The acceptance group's decision: accept, or reject with changes */
export type ReviewTaskResultInput = {
  accept: Scalars['Boolean']['input'];
  comment?: Scalars['String']['input'];
  taskId: Scalars['ID']['input'];
};

/** A person's or token's role; it decides what they may do (DESIGN.md, permissions) */
export type Role =
  /** Platform admin (平台管理员): confirms initiation, archives, configures */
  | 'ADMIN'
  /** A read-only service token for BI tools: reports and queries, no mutations */
  | 'BI'
  /** Head of a department (部门负责人): reviews, accepts, reads its reports */
  | 'DEPT_HEAD'
  /** Any employee: creates requirements, works on their tasks */
  | 'EMPLOYEE'
  /** Management (管理层): reads every requirement and every report */
  | 'EXECUTIVE';

/** The outcome of one review round over all involved departments */
export type RoundOutcome =
  /** Every involved department approved */
  | 'APPROVED'
  /** Some involved departments have not decided yet */
  | 'OPEN'
  /** At least one department rejected */
  | 'REJECTED';

/** A saved report: its slug, title and GraphQL query document */
export type SaveReportInput = {
  description?: Scalars['String']['input'];
  /** One query operation (fragments allowed) */
  document: Scalars['String']['input'];
  /** Lower-case letters, digits and hyphens */
  name: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

/** A named GraphQL query (persisted query) that BI tools pull as GET /reports/saved/<name>.json or .csv */
export type SavedReport = Node & {
  __typename?: 'SavedReport';
  createdAt: Scalars['DateTime']['output'];
  createdBy?: Maybe<User>;
  description: Scalars['String']['output'];
  document: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Download address of the result as JSON (add .csv for CSV) */
  jsonUrl: Scalars['String']['output'];
  /** The slug in the download address */
  name: Scalars['String']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of a list (Relay connection), in the requested order; only rows the viewer may read */
export type SavedReportConnection = {
  __typename?: 'SavedReportConnection';
  /** The page's rows, at most `first` */
  edges: Array<SavedReportEdge>;
  /** Whether more rows follow, and cursors */
  pageInfo: PageInfo;
  /** How many rows match the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** One row of a page with its cursor */
export type SavedReportEdge = {
  __typename?: 'SavedReportEdge';
  /** Opaque and stable position of this row: pass it as `after` to read on */
  cursor: Scalars['String']['output'];
  /** The row */
  node: SavedReport;
};

/** Book a meeting about a requirement or a delayed task (会议预约) */
export type ScheduleMeetingInput = {
  attendeeIds: Array<Scalars['ID']['input']>;
  /** 5 to 480 */
  durationMinutes: Scalars['Int']['input'];
  requirementId: Scalars['ID']['input'];
  /** In the future, with a time zone */
  startsAt: Scalars['DateTime']['input'];
  taskId?: InputMaybe<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
};

/** Name a delegate (代理人) for a period */
export type SetDelegateInput = {
  /** The delegate (global User id) */
  delegateId: Scalars['ID']['input'];
  /** End of the period, with a time zone; at most 180 days after the start */
  endsAt: Scalars['DateTime']['input'];
  /** Why, e.g. 出差 (on a business trip) */
  note?: Scalars['String']['input'];
  /** Start of the period, with a time zone */
  startsAt: Scalars['DateTime']['input'];
};

/** The Collaboration Feedback Form (协作反馈表) */
export type SubmitFeedbackInput = {
  content: Scalars['String']['input'];
  departmentIds?: Array<Scalars['ID']['input']>;
  kind: FeedbackKind;
  proposal?: Scalars['String']['input'];
  requirementId: Scalars['ID']['input'];
};

/** The Collaboration Result Report (协作成果报告) */
export type SubmitResultReportInput = {
  contributions?: Scalars['String']['input'];
  goalAchievement: Scalars['String']['input'];
  problems?: Scalars['String']['input'];
  requirementId: Scalars['ID']['input'];
};

/** Deliverables and a completion note (提交成果) */
export type SubmitTaskResultInput = {
  attachmentIds?: Array<Scalars['ID']['input']>;
  note: Scalars['String']['input'];
  taskId: Scalars['ID']['input'];
};

/** Live pushes over the graphql-transport-ws websocket protocol */
export type Subscription = {
  __typename?: 'Subscription';
  /** The viewer's new notifications, from any replica */
  notificationAdded: Notification;
};

/** A process improvement suggestion (流程优化建议表) */
export type Suggestion = Node & {
  __typename?: 'Suggestion';
  /** Human code, e.g. YJ202407001 */
  code: Scalars['String']['output'];
  contact: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  department?: Maybe<Department>;
  evaluatedAt?: Maybe<Scalars['DateTime']['output']>;
  evaluatedBy?: Maybe<User>;
  evaluationNote: Scalars['String']['output'];
  expectedEffect: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  painPoint: Scalars['String']['output'];
  proposal: Scalars['String']['output'];
  proposer?: Maybe<User>;
  remarks: Scalars['String']['output'];
  status: SuggestionStatus;
  /** When this record last changed (UTC); filter or sort by it to load changes */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of a list (Relay connection), in the requested order; only rows the viewer may read */
export type SuggestionConnection = {
  __typename?: 'SuggestionConnection';
  /** The page's rows, at most `first` */
  edges: Array<SuggestionEdge>;
  /** Whether more rows follow, and cursors */
  pageInfo: PageInfo;
  /** How many rows match the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** One row of a page with its cursor */
export type SuggestionEdge = {
  __typename?: 'SuggestionEdge';
  /** Opaque and stable position of this row: pass it as `after` to read on */
  cursor: Scalars['String']['output'];
  /** The row */
  node: Suggestion;
};

/** Suggestions (流程优化建议) matching every given field */
export type SuggestionFilter = {
  /** Any of these evaluation statuses */
  statuses?: InputMaybe<Array<SuggestionStatus>>;
};

/** Sort order of the suggestion list */
export type SuggestionOrder = {
  /** Ascending by default */
  direction?: OrderDirection;
  /** What to sort by */
  field: SuggestionOrderField;
};

/** What the suggestion list can be sorted by */
export type SuggestionOrderField =
  /** The suggestion code, e.g. YJ202611001 */
  | 'CODE'
  /** When it was submitted */
  | 'CREATED_AT';

/** The admin's evaluation of a process-improvement suggestion (流程优化建议) */
export type SuggestionStatus =
  /** Adopted (已采纳) */
  | 'ADOPTED'
  /** Planned for later (计划中) */
  | 'PLANNED'
  /** Not adopted (不采纳) */
  | 'REJECTED'
  /** Submitted, not evaluated yet */
  | 'SUBMITTED';

/** A task with exactly one responsible person (责任人) */
export type Task = Node & {
  __typename?: 'Task';
  /** How the results will be judged (验收标准) */
  acceptanceCriteria: Scalars['String']['output'];
  /** The one responsible person; empty only for a draft task */
  assignee?: Maybe<User>;
  /** Departments that help (协助部门) */
  assistingDepartments: Array<Department>;
  /** Files of this task (附件), each with its versions */
  attachments: Array<Attachment>;
  /** Human code, e.g. RW202407001-01 */
  code: Scalars['String']['output'];
  /** Requests for help raised on this task (协作请求), oldest first */
  collaborationRequests: Array<CollaborationRequest>;
  /** How many comments the task has (one GROUP BY per page) */
  commentCount: Scalars['Int']['output'];
  /** Comments with their @mentions, oldest first */
  comments: Array<Comment>;
  /** When the results were accepted (验收通过), UTC */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the task was created, UTC */
  createdAt: Scalars['DateTime']['output'];
  /** Deadline (截止时间), UTC ISO 8601; null while unplanned */
  deadline?: Maybe<Scalars['DateTime']['output']>;
  /** Details of the task; may be empty */
  description: Scalars['String']['output'];
  /** The department that owns the task (执行部门) */
  executingDepartment?: Maybe<Department>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Deadline passed and not completed (shown as 延迟 DELAYED) */
  isOverdue: Scalars['Boolean']['output'];
  /** When progress was last reported, UTC; the STALE warning counts from it */
  lastProgressAt?: Maybe<Scalars['DateTime']['output']>;
  /** The most recent progress report, if any */
  latestProgress?: Maybe<ProgressUpdate>;
  /** NORMAL or URGENT (紧急) */
  priority: Priority;
  /** Latest reported progress, 0-100 */
  progress: Scalars['Int']['output'];
  /** Progress reports, newest first */
  progressUpdates: Array<ProgressUpdate>;
  /** Remarks (备注); may be empty */
  remarks: Scalars['String']['output'];
  /** The requirement (需求) the task belongs to */
  requirement?: Maybe<Requirement>;
  /** Deadline changes with reason and solution, oldest first */
  reschedules: Array<TaskReschedule>;
  /** Submitted results and their acceptance decisions */
  results: Array<TaskResult>;
  /** Planned start day (YYYY-MM-DD) */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** When work started, UTC */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the task stands in its workflow */
  status: TaskStatus;
  /** When results were last submitted (提交成果), UTC */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What is to be done (SMART, with its date) */
  title: Scalars['String']['output'];
  /** When the task, its progress, comments or collaboration requests last changed (UTC); filter (updatedAt) or sort (UPDATED_AT) by it to load changes */
  updatedAt: Scalars['DateTime']['output'];
  /** Raised by every edit; send it back in updateTask to detect a CONFLICT */
  version: Scalars['Int']['output'];
};

/** A page of a list (Relay connection), in the requested order; only rows the viewer may read */
export type TaskConnection = {
  __typename?: 'TaskConnection';
  /** The page's rows, at most `first` */
  edges: Array<TaskEdge>;
  /** Whether more rows follow, and cursors */
  pageInfo: PageInfo;
  /** How many rows match the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** One row of a page with its cursor */
export type TaskEdge = {
  __typename?: 'TaskEdge';
  /** Opaque and stable position of this row: pass it as `after` to read on */
  cursor: Scalars['String']['output'];
  /** The row */
  node: Task;
};

/** Tasks matching every given field */
export type TaskFilter = {
  /** The responsible person (责任人) */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Created within this range */
  createdAt?: InputMaybe<DateTimeRange>;
  /** Deadline within this range */
  deadline?: InputMaybe<DateTimeRange>;
  /** Executing departments (执行部门), any of them */
  departmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Who raised the task's requirement */
  initiatorId?: InputMaybe<Scalars['ID']['input']>;
  /** true: deadline passed and not COMPLETED (延迟); false: others */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** This priority */
  priority?: InputMaybe<Priority>;
  /** Tasks of this requirement (global id) */
  requirementId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these statuses */
  statuses?: InputMaybe<Array<TaskStatus>>;
  /** Part of the title or code */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Changed within this range (incremental loads: from = the start of your last pull) */
  updatedAt?: InputMaybe<DateTimeRange>;
};

/** Sort order of a task list (tasks without a deadline come last) */
export type TaskOrder = {
  /** Ascending by default */
  direction?: OrderDirection;
  /** What to sort by */
  field: TaskOrderField;
};

/** What a task list can be sorted by */
export type TaskOrderField =
  /** The task code, e.g. RW202611001-01 */
  | 'CODE'
  /** When the task was created */
  | 'CREATED_AT'
  /** The deadline (截止时间) */
  | 'DEADLINE'
  /** Priority by name: NORMAL before URGENT ascending */
  | 'PRIORITY'
  /** The reported progress percent */
  | 'PROGRESS'
  /** When the task last changed */
  | 'UPDATED_AT';

/** A handled delay: reason, solution, new deadline */
export type TaskReschedule = Node & {
  __typename?: 'TaskReschedule';
  /** When it was rescheduled, UTC */
  createdAt: Scalars['DateTime']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** The new deadline (新节点), UTC */
  newDeadline: Scalars['DateTime']['output'];
  /** The deadline before, UTC */
  oldDeadline?: Maybe<Scalars['DateTime']['output']>;
  /** Why the deadline moved (原因) */
  reason: Scalars['String']['output'];
  /** Who moved the deadline (the initiator or ADMIN) */
  requestedBy?: Maybe<User>;
  /** How the delay is handled (解决方案) */
  solution: Scalars['String']['output'];
  /** The rescheduled task */
  task?: Maybe<Task>;
};

/** Submitted results (提交成果) and their acceptance */
export type TaskResult = Node & {
  __typename?: 'TaskResult';
  /** When the results were submitted, UTC */
  createdAt: Scalars['DateTime']['output'];
  /** When it was decided, UTC */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who accepted or rejected them; null while PENDING */
  decidedBy?: Maybe<User>;
  /** The acceptance decision (验收) */
  decision: ResultDecision;
  /** The deciding person's comment */
  decisionComment: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** The assignee's note on the results */
  note: Scalars['String']['output'];
  /** Who submitted the results (the assignee) */
  submittedBy?: Maybe<User>;
  /** The task the results are for */
  task?: Maybe<Task>;
};

/** Where a task stands; overdue is derived (deadline passed, not COMPLETED) */
export type TaskStatus =
  /** Results accepted (已完成) */
  | 'COMPLETED'
  /** Started by its assignee, or its results were rejected (进行中) */
  | 'IN_PROGRESS'
  /** Assigned, not started yet (待开始) */
  | 'PENDING'
  /** Results submitted, awaiting acceptance (待验收) */
  | 'SUBMITTED';

/** Tasks created in a month (Beijing), by executing department and current status */
export type TaskStatusByDepartment = {
  __typename?: 'TaskStatusByDepartment';
  count: Scalars['Int']['output'];
  department: Department;
  departmentCode: Scalars['String']['output'];
  departmentName: Scalars['String']['output'];
  /** YYYY-MM, the Beijing month the task was created */
  month: Scalars['String']['output'];
  status: TaskStatus;
};

/** How many tasks have one status */
export type TaskStatusCount = {
  __typename?: 'TaskStatusCount';
  /** How many of the requirement's tasks have it */
  count: Scalars['Int']['output'];
  /** The status */
  status: TaskStatus;
};

export type TemplateDepartment = {
  __typename?: 'TemplateDepartment';
  /** What this department provides */
  contribution: Scalars['String']['output'];
  department: Department;
  isLead: Scalars['Boolean']['output'];
};

/** 生产部 24 h: 质量追溯 */
export type TemplateResponseLimit = {
  __typename?: 'TemplateResponseLimit';
  department: Department;
  /** Hours from initiation to the response */
  hours: Scalars['Int']['output'];
  /** What the response is (处理标准) */
  standard: Scalars['String']['output'];
};

/** 设计部：主视觉图初稿, 10 days after initiation */
export type TemplateTask = {
  __typename?: 'TemplateTask';
  /** The executing department */
  department: Department;
  description: Scalars['String']['output'];
  /** Calendar days from initiation (确认立项) to the deadline */
  offsetDays: Scalars['Int']['output'];
  position: Scalars['Int']['output'];
  title: Scalars['String']['output'];
};

export type TemplateThreshold = {
  __typename?: 'TemplateThreshold';
  kind: WarningRuleKind;
  thresholdNormal: Scalars['Int']['output'];
  thresholdUrgent: Scalars['Int']['output'];
  unit: ThresholdUnit;
};

/** The unit of a warning threshold */
export type ThresholdUnit =
  /** Calendar days */
  | 'DAYS'
  /** Clock hours */
  | 'HOURS'
  /** Working days of the Chinese statutory calendar (with 调休 weekends) */
  | 'WORKING_DAYS';

/** Changes to a field; omitted = unchanged (key and type are fixed) */
export type UpdateFormFieldInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  helpText?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  label?: InputMaybe<Scalars['String']['input']>;
  labelEn?: InputMaybe<Scalars['String']['input']>;
  options?: InputMaybe<Array<FormFieldOptionInput>>;
  position?: InputMaybe<Scalars['Int']['input']>;
  required?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Changes to a draft or returned requirement; omitted = unchanged */
export type UpdateRequirementInput = {
  /** New acceptance criteria */
  acceptanceCriteria?: InputMaybe<Scalars['String']['input']>;
  /** A new background */
  background?: InputMaybe<Scalars['String']['input']>;
  /** A new contact */
  contact?: InputMaybe<Scalars['String']['input']>;
  /** Custom field values to change, merged over the stored ones (null clears a field); checked against the current form */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  /** A new data needs list */
  dataNeeds?: InputMaybe<Scalars['String']['input']>;
  /** New deliverables */
  deliverables?: InputMaybe<Scalars['String']['input']>;
  /** A new expected completion day (YYYY-MM-DD) */
  expectedBy?: InputMaybe<Scalars['Date']['input']>;
  /** New goals */
  goals?: InputMaybe<Scalars['String']['input']>;
  /** The requirement's global id */
  id: Scalars['ID']['input'];
  /** The involved departments, replacing the old list */
  involvedDepartmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** A new priority */
  priority?: InputMaybe<Priority>;
  /** A new name */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The version you edited; a newer one is a CONFLICT */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to an unfinished task; omitted = unchanged */
export type UpdateTaskInput = {
  /** New acceptance criteria (验收标准) */
  acceptanceCriteria?: InputMaybe<Scalars['String']['input']>;
  /** A new responsible person (global id); they are notified */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** The assisting departments, replacing the old list */
  assistingDepartmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Of a started task: use rescheduleTask */
  deadline?: InputMaybe<Scalars['DateTime']['input']>;
  /** New details */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A new executing department (global id) */
  executingDepartmentId?: InputMaybe<Scalars['ID']['input']>;
  /** The task's global id */
  id: Scalars['ID']['input'];
  /** A new priority */
  priority?: InputMaybe<Priority>;
  /** A new planned start day (YYYY-MM-DD) */
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** A new title */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The version you edited; a newer one is a CONFLICT */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** A file for a requirement or one of its tasks (multipart request) */
export type UploadAttachmentInput = {
  /** pdf, doc/docx, xls/xlsx, ppt/pptx, png, jpeg, gif, webp, csv, txt or zip */
  file: Scalars['Upload']['input'];
  /** Change note (变更说明); the same name again adds a version */
  note?: Scalars['String']['input'];
  requirementId: Scalars['ID']['input'];
  taskId?: InputMaybe<Scalars['ID']['input']>;
};

/** A person who signs in */
export type User = Node & {
  __typename?: 'User';
  department?: Maybe<Department>;
  displayName: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  isActive: Scalars['Boolean']['output'];
  language: Scalars['String']['output'];
  role: Role;
  /** When this record last changed (UTC); filter or sort by it to load changes */
  updatedAt: Scalars['DateTime']['output'];
  username: Scalars['String']['output'];
};

/** A page of a list (Relay connection), in the requested order; only rows the viewer may read */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The page's rows, at most `first` */
  edges: Array<UserEdge>;
  /** Whether more rows follow, and cursors */
  pageInfo: PageInfo;
  /** How many rows match the filter, over all pages */
  totalCount: Scalars['Int']['output'];
};

/** One row of a page with its cursor */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Opaque and stable position of this row: pass it as `after` to read on */
  cursor: Scalars['String']['output'];
  /** The row */
  node: User;
};

/** People matching every given field (active people by default) */
export type UserFilter = {
  /** Members of any of these departments */
  departmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Also people whose account is deactivated */
  includeInactive?: Scalars['Boolean']['input'];
  /** Any of these roles */
  roles?: InputMaybe<Array<Role>>;
  /** Part of the username or display name */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** Sort order of the user directory */
export type UserOrder = {
  /** Ascending by default */
  direction?: OrderDirection;
  /** What to sort by */
  field: UserOrderField;
};

/** What the user directory can be sorted by */
export type UserOrderField =
  /** When the account was created */
  | 'CREATED_AT'
  /** The name people see */
  | 'DISPLAY_NAME'
  /** The sign-in name */
  | 'USERNAME';

/** A task or item the proposed rule would warn about now */
export type WarningPreviewItem = {
  __typename?: 'WarningPreviewItem';
  /** Already warned under the same key */
  alreadyNotified: Scalars['Boolean']['output'];
  /** Who would be warned */
  recipients: Array<User>;
  subjectCode: Scalars['String']['output'];
  subjectType: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** A warning rule the admin tunes (预警规则) */
export type WarningRule = Node & {
  __typename?: 'WarningRule';
  /** How they are warned */
  channels: Array<Channel>;
  enabled: Scalars['Boolean']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  kind: WarningRuleKind;
  name: Scalars['String']['output'];
  nameEn: Scalars['String']['output'];
  /** Who is warned */
  recipients: Array<Recipient>;
  /** Threshold for NORMAL tasks, in `unit` */
  thresholdNormal: Scalars['Int']['output'];
  /** Threshold for URGENT tasks, in `unit` */
  thresholdUrgent: Scalars['Int']['output'];
  unit: ThresholdUnit;
  updatedAt: Scalars['DateTime']['output'];
  updatedBy?: Maybe<User>;
  version: Scalars['Int']['output'];
};

/** A warning rule change; omitted fields keep their value */
export type WarningRuleInput = {
  channels?: InputMaybe<Array<Channel>>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  kind: WarningRuleKind;
  recipients?: InputMaybe<Array<Recipient>>;
  thresholdNormal?: InputMaybe<Scalars['Int']['input']>;
  thresholdUrgent?: InputMaybe<Scalars['Int']['input']>;
  unit?: InputMaybe<ThresholdUnit>;
  /** The version you edited; a newer one is a CONFLICT */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** The kind of a warning rule (预警规则); thresholds are edited by the admin */
export type WarningRuleKind =
  /** Submitted results not decided within the threshold */
  | 'ACCEPTANCE_SLA'
  /** A collaboration request unanswered within the threshold */
  | 'COLLABORATION_SLA'
  /** A task not completed within the threshold before its deadline */
  | 'DUE_SOON'
  /** Nothing submitted within the threshold before the deadline (to heads) */
  | 'ESCALATION'
  /** A task's deadline passed and it is not completed */
  | 'OVERDUE'
  /** A department has not reviewed within the threshold (working days) */
  | 'REVIEW_SLA'
  /** A task without a progress update for the threshold */
  | 'STALE';

/** The effect of a proposed rule before it is saved */
export type WarningRulePreview = {
  __typename?: 'WarningRulePreview';
  count: Scalars['Int']['output'];
  items: Array<WarningPreviewItem>;
};

/** A group bot or JSON webhook for warnings */
export type WebhookChannel = Node & {
  __typename?: 'WebhookChannel';
  enabled: Scalars['Boolean']['output'];
  format: WebhookFormat;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** The message format a webhook channel posts */
export type WebhookFormat =
  /** A DingTalk (钉钉) bot message, signed when a secret is set */
  | 'DINGTALK'
  /** A Feishu (飞书) bot message, signed when a secret is set */
  | 'FEISHU'
  /** JSON: event `crossflow.alert`, title, body and the alert's details */
  | 'GENERIC'
  /** A WeCom (企业微信) bot message */
  | 'WECOM';

export type UnreadNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationsQuery = { __typename?: 'Query', notifications: { __typename?: 'NotificationConnection', totalCount: number, edges: Array<{ __typename?: 'NotificationEdge', node: { __typename?: 'Notification', id: string, kind: NotificationKind, title: string, body: string, subjectType: string, subjectCode: string, createdAt: string } }> } };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { __typename?: 'Subscription', notificationAdded: { __typename?: 'Notification', id: string, title: string, body: string } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type MarkNotificationsReadMutation = { __typename?: 'Mutation', markNotificationsRead: Array<{ __typename?: 'Notification', id: string, readAt?: string | null }> };

export type SetLanguageMutationVariables = Exact<{
  language: Scalars['String']['input'];
}>;


export type SetLanguageMutation = { __typename?: 'Mutation', setLanguage: { __typename?: 'User', id: string, language: string } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { __typename?: 'Mutation', changePassword: { __typename?: 'LoginPayload', token: string } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename?: 'LoginPayload', token: string } };

export type MyRequirementsQueryVariables = Exact<{
  filter?: InputMaybe<RequirementFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyRequirementsQuery = { __typename?: 'Query', requirements: { __typename?: 'RequirementConnection', totalCount: number, edges: Array<{ __typename?: 'RequirementEdge', node: { __typename?: 'Requirement', id: string, code: string, title: string, status: RequirementStatus, updatedAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type RequirementTemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type RequirementTemplatesQuery = { __typename?: 'Query', requirementTemplates: Array<{ __typename?: 'RequirementTemplate', id: string, key: string, name: string, nameEn: string, description: string, priority: Priority, enabled: boolean, departments: Array<{ __typename?: 'TemplateDepartment', isLead: boolean, department: { __typename?: 'Department', id: string } }> }>, departments: Array<{ __typename?: 'Department', id: string, name: string, nameEn: string }> };

export type RequirementFormQueryVariables = Exact<{
  templateId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type RequirementFormQuery = { __typename?: 'Query', requirementForm: { __typename?: 'RequirementForm', version?: number | null, templateVersion?: number | null, fields: Array<{ __typename?: 'FormField', id: string, key: string, label: string, labelEn: string, type: FormFieldType, required: boolean, helpText: string, position: number, options: Array<{ __typename?: 'FormFieldOption', value: string, label: string, labelEn: string }> }> } };

export type PeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type PeopleQuery = { __typename?: 'Query', users: { __typename?: 'UserConnection', edges: Array<{ __typename?: 'UserEdge', node: { __typename?: 'User', id: string, displayName: string, department?: { __typename?: 'Department', id: string, name: string } | null } }> } };

export type CreateRequirementMutationVariables = Exact<{
  input: CreateRequirementInput;
}>;


export type CreateRequirementMutation = { __typename?: 'Mutation', createRequirement: { __typename?: 'Requirement', id: string, code: string, status: RequirementStatus } };

export type CreateRequirementFromTemplateMutationVariables = Exact<{
  input: CreateRequirementFromTemplateInput;
}>;


export type CreateRequirementFromTemplateMutation = { __typename?: 'Mutation', createRequirementFromTemplate: { __typename?: 'Requirement', id: string, code: string, status: RequirementStatus } };

export type SubmitRequirementMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SubmitRequirementMutation = { __typename?: 'Mutation', submitRequirement: { __typename?: 'Requirement', id: string, code: string, status: RequirementStatus } };

export type RequirementPageQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type RequirementPageQuery = { __typename?: 'Query', requirement: { __typename?: 'Requirement', id: string, code: string, title: string, status: RequirementStatus, priority: Priority, background: string, goals: string, deliverables: string, acceptanceCriteria: string, dataNeeds: string, contact: string, expectedBy?: string | null, currentRound: number, createdAt: string, initiator?: { __typename?: 'User', id: string, displayName: string } | null, initiatingDepartment?: { __typename?: 'Department', id: string, name: string, nameEn: string } | null, template?: { __typename?: 'RequirementTemplate', id: string, name: string, nameEn: string } | null, customFields: Array<{ __typename?: 'CustomFieldValue', key: string, label: string, labelEn: string, type: FormFieldType, retired: boolean, textValue?: string | null, numberValue?: string | null, moneyValue?: string | null, dateValue?: string | null, choices?: Array<{ __typename?: 'FormFieldOption', value: string, label: string, labelEn: string }> | null, user?: { __typename?: 'User', id: string, displayName: string } | null, department?: { __typename?: 'Department', id: string, name: string, nameEn: string } | null, file?: { __typename?: 'Attachment', id: string, fileName: string } | null }>, involvedDepartments: Array<{ __typename?: 'InvolvedDepartment', isLead: boolean, contribution: string, department: { __typename?: 'Department', id: string, name: string, nameEn: string, head?: { __typename?: 'User', id: string, displayName: string } | null } }>, reviewRounds: Array<{ __typename?: 'ReviewRound', id: string, number: number, outcome: RoundOutcome, openedAt: string, closedAt?: string | null, reviews: Array<{ __typename?: 'Review', id: string, decision: ReviewDecision, comment: string, claimedTasks: Array<string>, signedAt: string, contentHash: string, department?: { __typename?: 'Department', id: string, name: string, nameEn: string } | null, signedBy?: { __typename?: 'User', id: string, displayName: string } | null, onBehalfOf?: { __typename?: 'User', id: string, displayName: string } | null }> }>, tasks: Array<{ __typename?: 'Task', id: string, code: string, title: string, status: TaskStatus, progress: number, deadline?: string | null, isOverdue: boolean, assignee?: { __typename?: 'User', id: string, displayName: string } | null, executingDepartment?: { __typename?: 'Department', id: string, name: string, nameEn: string } | null }> } };

export type ReviewRequirementMutationVariables = Exact<{
  input: ReviewRequirementInput;
}>;


export type ReviewRequirementMutation = { __typename?: 'Mutation', reviewRequirement: { __typename?: 'Requirement', id: string, status: RequirementStatus } };

export type TaskPageQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type TaskPageQuery = { __typename?: 'Query', task: { __typename?: 'Task', id: string, code: string, title: string, description: string, status: TaskStatus, progress: number, priority: Priority, startDate?: string | null, deadline?: string | null, isOverdue: boolean, acceptanceCriteria: string, requirement?: { __typename?: 'Requirement', id: string, code: string, title: string } | null, assignee?: { __typename?: 'User', id: string, displayName: string } | null, executingDepartment?: { __typename?: 'Department', id: string, name: string, nameEn: string } | null, progressUpdates: Array<{ __typename?: 'ProgressUpdate', id: string, percent: number, summary: string, problems: string, supportNeeded: string, createdAt: string, author?: { __typename?: 'User', id: string, displayName: string } | null }>, results: Array<{ __typename?: 'TaskResult', id: string, note: string, decision: ResultDecision, decisionComment: string, createdAt: string, decidedBy?: { __typename?: 'User', id: string, displayName: string } | null }>, comments: Array<{ __typename?: 'Comment', id: string, body: string, createdAt: string, author?: { __typename?: 'User', id: string, displayName: string } | null }> } };

export type StartTaskMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StartTaskMutation = { __typename?: 'Mutation', startTask: { __typename?: 'Task', id: string, status: TaskStatus } };

export type ReportProgressMutationVariables = Exact<{
  input: ReportProgressInput;
}>;


export type ReportProgressMutation = { __typename?: 'Mutation', reportProgress: { __typename?: 'Task', id: string, progress: number } };

export type SubmitTaskResultMutationVariables = Exact<{
  input: SubmitTaskResultInput;
}>;


export type SubmitTaskResultMutation = { __typename?: 'Mutation', submitTaskResult: { __typename?: 'Task', id: string, status: TaskStatus } };

export type ReviewTaskResultMutationVariables = Exact<{
  input: ReviewTaskResultInput;
}>;


export type ReviewTaskResultMutation = { __typename?: 'Mutation', reviewTaskResult: { __typename?: 'Task', id: string, status: TaskStatus } };

export type AddCommentMutationVariables = Exact<{
  input: AddCommentInput;
}>;


export type AddCommentMutation = { __typename?: 'Mutation', addComment: { __typename?: 'Comment', id: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'User', id: string, username: string, displayName: string, role: Role, language: string, department?: { __typename?: 'Department', id: string, name: string, nameEn: string } | null } | null };

export type MyWorkQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWorkQuery = { __typename?: 'Query', myWork: { __typename?: 'MyWork', total: number, reviews: Array<{ __typename?: 'Requirement', id: string, code: string, title: string, status: RequirementStatus, priority: Priority, expectedBy?: string | null, initiator?: { __typename?: 'User', id: string, displayName: string } | null }>, acceptances: Array<{ __typename?: 'Task', id: string, code: string, title: string, submittedAt?: string | null, assignee?: { __typename?: 'User', id: string, displayName: string } | null, requirement?: { __typename?: 'Requirement', id: string, code: string, title: string } | null }>, collaborationRequests: Array<{ __typename?: 'CollaborationRequest', id: string, content: string, expectedBy?: string | null, fromUser?: { __typename?: 'User', id: string, displayName: string } | null, fromDepartment?: { __typename?: 'Department', id: string, name: string, nameEn: string } | null, task?: { __typename?: 'Task', id: string, code: string, title: string } | null }>, tasks: Array<{ __typename?: 'Task', id: string, code: string, title: string, status: TaskStatus, progress: number, deadline?: string | null, isOverdue: boolean, requirement?: { __typename?: 'Requirement', id: string, code: string, title: string } | null }>, feedback: Array<{ __typename?: 'Requirement', id: string, code: string, title: string, status: RequirementStatus }> } };


export const UnreadNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadNotifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UnreadNotificationsQuery, UnreadNotificationsQueryVariables>;
export const NotificationAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]} as unknown as DocumentNode<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const MarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const SetLanguageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetLanguage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setLanguage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]} as unknown as DocumentNode<SetLanguageMutation, SetLanguageMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const MyRequirementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyRequirements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RequirementFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requirements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyRequirementsQuery, MyRequirementsQueryVariables>;
export const RequirementTemplatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequirementTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requirementTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isLead"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<RequirementTemplatesQuery, RequirementTemplatesQueryVariables>;
export const RequirementFormDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequirementForm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requirementForm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"templateId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"templateVersion"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"helpText"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequirementFormQuery, RequirementFormQueryVariables>;
export const PeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"People"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PeopleQuery, PeopleQueryVariables>;
export const CreateRequirementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRequirement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRequirementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRequirement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateRequirementMutation, CreateRequirementMutationVariables>;
export const CreateRequirementFromTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRequirementFromTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRequirementFromTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRequirementFromTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateRequirementFromTemplateMutation, CreateRequirementFromTemplateMutationVariables>;
export const SubmitRequirementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitRequirement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitRequirement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SubmitRequirementMutation, SubmitRequirementMutationVariables>;
export const RequirementPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequirementPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requirement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"goals"}},{"kind":"Field","name":{"kind":"Name","value":"deliverables"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceCriteria"}},{"kind":"Field","name":{"kind":"Name","value":"dataNeeds"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}},{"kind":"Field","name":{"kind":"Name","value":"expectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"currentRound"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"initiator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"initiatingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"retired"}},{"kind":"Field","name":{"kind":"Name","value":"textValue"}},{"kind":"Field","name":{"kind":"Name","value":"numberValue"}},{"kind":"Field","name":{"kind":"Name","value":"moneyValue"}},{"kind":"Field","name":{"kind":"Name","value":"dateValue"}},{"kind":"Field","name":{"kind":"Name","value":"choices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"involvedDepartments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isLead"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"head"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewRounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"claimedTasks"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onBehalfOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"isOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"executingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequirementPageQuery, RequirementPageQueryVariables>;
export const ReviewRequirementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewRequirement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewRequirementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewRequirement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReviewRequirementMutation, ReviewRequirementMutationVariables>;
export const TaskPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"isOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceCriteria"}},{"kind":"Field","name":{"kind":"Name","value":"requirement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"executingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progressUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"problems"}},{"kind":"Field","name":{"kind":"Name","value":"supportNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TaskPageQuery, TaskPageQueryVariables>;
export const StartTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartTaskMutation, StartTaskMutationVariables>;
export const ReportProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportProgressInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}}]}}]} as unknown as DocumentNode<ReportProgressMutation, ReportProgressMutationVariables>;
export const SubmitTaskResultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitTaskResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitTaskResultInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitTaskResult"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SubmitTaskResultMutation, SubmitTaskResultMutationVariables>;
export const ReviewTaskResultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewTaskResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewTaskResultInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewTaskResult"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReviewTaskResultMutation, ReviewTaskResultMutationVariables>;
export const AddCommentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCommentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddCommentMutation, AddCommentMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const MyWorkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyWork"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myWork"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"expectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"initiator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"collaborationRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"expectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"fromUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"isOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"requirement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<MyWorkQuery, MyWorkQueryVariables>;