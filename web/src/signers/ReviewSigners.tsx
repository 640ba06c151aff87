// 加签, 转交 and 催办 on a requirement's open review round (addSigner, handOverReview,
// remindReviewer): a reviewer the round awaits (myWork.reviews lists it for them) adds a
// department or hands their review over; the initiator reminds a department still to sign.
import { useMutation } from "@apollo/client";
import { graphql } from "../gql";
import type { ReviewRoundSignersFragment } from "../gql/graphql";
import { useI18n } from "../i18n";
import { useSession } from "../viewer";
import { MY_WORK } from "../work";
import { SignerActsCard, seatsOf, type SignerDepartment } from "./SignerActsCard";

export const ROUND_SIGNERS = graphql(`
  fragment ReviewRoundSigners on ReviewRound {
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
  mutation AddSigner($requirementId: ID!, $userId: ID!) {
    addSigner(requirementId: $requirementId, userId: $userId) {
      id
    }
  }
`);
const HAND_OVER = graphql(`
  mutation HandOverReview($requirementId: ID!, $toUserId: ID!, $departmentId: ID) {
    handOverReview(requirementId: $requirementId, toUserId: $toUserId, departmentId: $departmentId) {
      id
    }
  }
`);
const REMIND = graphql(`
  mutation RemindReviewer($requirementId: ID!, $departmentId: ID!) {
    remindReviewer(requirementId: $requirementId, departmentId: $departmentId) {
      id
    }
  }
`);

interface Props {
  requirementId: string;
  status: string;
  initiatorId: string | null;
  /** Every involved department; the lead does not review. */
  involved: { isLead: boolean; department: SignerDepartment }[];
  /** The latest round: its sign-offs and its added signers and handovers. */
  round: (ReviewRoundSignersFragment & { outcome: string; reviews: { department?: { id: string } | null }[] }) | null;
  /** myWork lists this requirement for the viewer: they hold a pending seat. */
  awaitsMyReview: boolean;
}

export function ReviewSigners({ requirementId, status, initiatorId, involved, round, awaitsMyReview }: Props) {
  const { t } = useI18n();
  const { viewer } = useSession();
  // The page's query by name (it imports this module), and the to-do list a handover changes.
  const options = { refetchQueries: ["RequirementPage", MY_WORK], awaitRefetchQueries: true };
  const [add] = useMutation(ADD, options);
  const [handOver] = useMutation(HAND_OVER, options);
  const [remind] = useMutation(REMIND, options);
  if (!round) return null;
  const open = status === "PENDING_REVIEW" && round.outcome === "OPEN";
  const lead = involved.filter((d) => d.isLead).map((d) => d.department.id);
  const asked = new Map<string, SignerDepartment>();
  for (const d of involved) if (!d.isLead) asked.set(d.department.id, d.department);
  for (const s of round.addedSigners) if (s.department) asked.set(s.department.id, s.department);
  const decided = new Set(round.reviews.map((r) => r.department?.id));
  const pending = [...asked.values()].filter((d) => !decided.has(d.id));
  const mayAct = open && awaitsMyReview;
  return (
    <SignerActsCard
      testId="review-signers"
      title={t("signers.reviewTitle")}
      pending={pending}
      asked={[...asked.keys(), ...lead]}
      canAdd={mayAct}
      canHandOver={mayAct && viewer.id !== initiatorId}
      canRemind={open && viewer.id === initiatorId && pending.length > 0}
      mySeats={seatsOf(pending, viewer)}
      excludedIds={[viewer.id, ...(initiatorId ? [initiatorId] : [])]}
      addedSigners={round.addedSigners}
      handovers={round.handovers}
      onAdd={(userId) => add({ variables: { requirementId, userId } })}
      onHandOver={(toUserId, departmentId) => handOver({ variables: { requirementId, toUserId, departmentId } })}
      onRemind={(departmentId) => remind({ variables: { requirementId, departmentId } })}
    />
  );
}
