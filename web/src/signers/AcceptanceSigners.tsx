// 加签, 转交 and 催办 on a task's submission awaiting acceptance (addAcceptanceSigner,
// handOverAcceptance, remindAcceptor): a group member the results await (myWork.acceptances
// lists the task for them) adds a department or hands their department's seat over (the
// initiator's own seat is never handed over); the initiator reminds a department.
import { useMutation } from "@apollo/client";
import { graphql } from "../gql";
import type { AcceptanceSignersFragment } from "../gql/graphql";
import { useI18n } from "../i18n";
import { useSession } from "../viewer";
import { MY_WORK } from "../work";
import { SignerActsCard, seatsOf, type SignerDepartment } from "./SignerActsCard";

export const ACCEPTANCE_SIGNERS = graphql(`
  fragment AcceptanceSigners on TaskResult {
    signoffs {
      department {
        id
      }
    }
    addedSigners {
      createdAt
      department {
        id
        name
        nameEn
        head {
          id
          displayName
        }
      }
      addedBy {
        id
        displayName
      }
    }
    handovers {
      createdAt
      department {
        id
        name
        nameEn
      }
      fromUser {
        id
        displayName
      }
      toUser {
        id
        displayName
      }
    }
  }
`);

const ADD = graphql(`
  mutation AddAcceptanceSigner($taskId: ID!, $userId: ID!) {
    addAcceptanceSigner(taskId: $taskId, userId: $userId) {
      id
    }
  }
`);
const HAND_OVER = graphql(`
  mutation HandOverAcceptance($taskId: ID!, $toUserId: ID!, $departmentId: ID) {
    handOverAcceptance(taskId: $taskId, toUserId: $toUserId, departmentId: $departmentId) {
      id
    }
  }
`);
const REMIND = graphql(`
  mutation RemindAcceptor($taskId: ID!, $departmentId: ID!) {
    remindAcceptor(taskId: $taskId, departmentId: $departmentId) {
      id
    }
  }
`);

interface Props {
  taskId: string;
  status: string;
  initiatorId: string | null;
  assigneeId: string | null;
  /** The requirement's departments: the group sits for every one but the lead. */
  involved: { isLead: boolean; department: SignerDepartment }[];
  /** The submission awaiting acceptance (decision PENDING), else the latest decided one
   * (its lists still shown, no act offered). */
  result: (AcceptanceSignersFragment & { decision: string }) | null;
  /** myWork lists this task for the viewer: they hold a pending seat. */
  toAccept: boolean;
}

export function AcceptanceSigners({ taskId, status, initiatorId, assigneeId, involved, result, toAccept }: Props) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const options = { refetchQueries: ["TaskPage", MY_WORK], awaitRefetchQueries: true };
  const [add] = useMutation(ADD, options);
  const [handOver] = useMutation(HAND_OVER, options);
  const [remind] = useMutation(REMIND, options);
  if (!result) return null;
  const open = status === "SUBMITTED" && result.decision === "PENDING";
  const lead = involved.filter((d) => d.isLead).map((d) => d.department.id);
  const asked = new Map<string, SignerDepartment>();
  for (const d of involved) if (!d.isLead) asked.set(d.department.id, d.department);
  for (const s of result.addedSigners) if (s.department) asked.set(s.department.id, s.department);
  const decided = new Set(result.signoffs.map((s) => s.department?.id));
  const pending = [...asked.values()].filter((d) => !decided.has(d.id));
  const initiator = viewer.id === initiatorId;
  return (
    <SignerActsCard
      testId="acceptance-signers"
      title={t("signers.acceptanceTitle")}
      pending={pending}
      asked={[...asked.keys(), ...lead]}
      canAdd={open && toAccept}
      canHandOver={open && toAccept && !initiator}
      canRemind={open && initiator && pending.length > 0}
      mySeats={seatsOf(pending, viewer)}
      excludedIds={[viewer.id, ...[initiatorId, assigneeId].filter((id): id is string => !!id)]}
      addedSigners={result.addedSigners}
      handovers={result.handovers}
      onAdd={(userId) => add({ variables: { taskId, userId } })}
      onHandOver={(toUserId, departmentId) => handOver({ variables: { taskId, toUserId, departmentId } })}
      onRemind={(departmentId) => remind({ variables: { taskId, departmentId } })}
    />
  );
}
