"""Demo data for the embedded mode: the organisation and requirements in every state.

Loaded once into an empty database (``crossflow demo``); all demo users share the published
password ``demo``, which sign-in refuses outside demo mode. The requirements tell the
source document's stories, the Q3 launch case (2024年Q3新品上市推广方案) among them; its four
scenarios are the default templates (``crossflow/demo_templates.py``). Rows are dated to
when the story has them happen, over the two months before "now" and in that order
(``crossflow/demo_history.py``), so monthly reports and month filters show the demo's
figures in the months they belong to. The people are ``crossflow/demo_people.py``, the
row builders the stories use ``crossflow/demo_story.py``.
"""

from __future__ import annotations

from datetime import timedelta

from tortoise.transactions import in_transaction

from crossflow.demo_history import settle
from crossflow.demo_people import load_people
from crossflow.demo_story import DemoStory
from crossflow.demo_templates import load_default_templates
from models import (
    Archive,
    CollaborationRequest,
    Comment,
    Department,
    DepartmentHead,
    Feedback,
    FeedbackItem,
    Mention,
    ProgressUpdate,
    ResultReport,
    Task,
    User,
)
from models.enums import (
    FeedbackKind,
    Priority,
    RequirementStatus,
    ReviewDecision,
    RoundOutcome,
    TaskStatus,
)
from resolvers import codes
from resolvers.alerts.rules import ensure_default_rules
from resolvers.archives.archiving import segment


async def is_loaded() -> bool:
    return await Department.filter(code="market").exists()


async def load_demo_data() -> bool:
    """Load the demo into an empty database; returns ``False`` if it was already there."""
    await ensure_default_rules()
    if await is_loaded():
        return False
    async with in_transaction() as conn:
        users = await load_people(conn)
        depts = {d.code: d for d in await Department.all().using_db(conn)}
        story = _Story(conn, users, depts)
        # The organisation existed before its first requirement.
        for model in (Department, DepartmentHead, User):
            await settle(conn, model, story.days(-90))
        # The Q3 launch keeps the first id (docs/api.md's examples use it); the others follow
        # in the order they were raised, so codes of a month follow the story too.
        await story.q3_launch()
        await story.customer_event_approved()
        await story.expense_policy_draft()
        await story.complaint_under_review()
        await story.thermostat_archived()
        await load_default_templates(conn, users["admin"].id)
    return True


class _Story(DemoStory):
    """The demo's requirements, one method a story, told in the order they were raised."""

    async def q3_launch(self) -> None:
        """The source's running example: market leads, design, sales and finance help."""
        req = await self.requirement(
            "market_staff",
            ["market", "design", "sales", "finance"],
            RequirementStatus.IN_PROGRESS,
            title="2024年Q3新品上市推广方案",
            background="Q3新品即将上市，需要跨部门协同完成推广方案，抢占暑期销售窗口。",
            goals="上市首月销量达到5000台，线上曝光200万次。",
            deliverables="推广方案PPT+预算表",
            acceptance_criteria="推广方案需包含3个渠道策略及预算明细",
            data_needs="2024年Q2各渠道销售数据（销售部）；2023年同期推广费用明细（财务部）",
            expected_by=(self.now + timedelta(days=30)).date(),
            priority=Priority.URGENT,
            submitted_at=self.days(-12),
            approved_at=self.days(-9),
            initiated_at=self.days(-8),
            created_at=self.days(-13),
        )
        await self.review_round(
            req,
            1,
            {
                "design": (ReviewDecision.APPROVE, "同意", ["设计部：完成主视觉图初稿"]),
                "finance": (ReviewDecision.REJECT, "预算未明确，需补充成本测算", []),
            },
            RoundOutcome.REJECTED,
            self.days(-12),
        )
        await self.review_round(
            req,
            2,
            {
                "design": (
                    ReviewDecision.APPROVE,
                    "同意，设计部负责主视觉",
                    ["设计部：完成主视觉图初稿"],
                ),
                "sales": (ReviewDecision.APPROVE, "同意", ["销售部：整理重点客户邀约名单"]),
                "finance": (
                    ReviewDecision.APPROVE,
                    "成本测算已补充，同意",
                    ["财务部：审核推广预算"],
                ),
            },
            RoundOutcome.APPROVED,
            self.days(-10),
        )
        visual = await self.task(
            req,
            "design",
            "design_staff",
            "完成主视觉图初稿",
            self.days(2),
            TaskStatus.IN_PROGRESS,
            50,
            Priority.URGENT,
            acceptance_criteria="提供3套风格方案，含横版与竖版",
            started_at=self.days(-7),
            last_progress_at=self.days(-1),
        )
        await ProgressUpdate.create(
            task=visual,
            author=self.users["design_staff"],
            percent=50,
            summary="已完成两套风格草图，第三套进行中",
            problems="缺少产品高清渲染图",
            support_needed="需研发部提供产品3D渲染图",
            using_db=self.conn,
        )
        await settle(self.conn, ProgressUpdate, self.days(-1), task_id=visual.id)
        comment = await Comment.create(
            task=visual,
            author=self.users["design_staff"],
            body="@rnd_staff 麻烦本周内提供新品的3D渲染图，谢谢！",
            using_db=self.conn,
        )
        await Mention.create(comment=comment, user=self.users["rnd_staff"], using_db=self.conn)
        await settle(self.conn, Comment, self.days(-0.3), id=comment.id)
        await settle(self.conn, Mention, self.days(-0.3), comment_id=comment.id)
        # Asked for help six hours ago: within the 24-hour answer limit, so no warning yet.
        asked = self.days(-0.25)
        await Task.filter(id=visual.id).using_db(self.conn).update(updated_at=asked)
        await CollaborationRequest.create(
            task=visual,
            requirement=req,
            from_user=self.users["design_staff"],
            from_department=self.depts["design"],
            to_department=self.depts["rnd"],
            content="请提供新品高清3D渲染图（正面、侧面、45度各一张）",
            expected_by=self.days(1),
            using_db=self.conn,
        )
        await settle(self.conn, CollaborationRequest, asked, task_id=visual.id)
        await self.task(
            req,
            "sales",
            "sales_staff",
            "整理重点客户邀约名单",
            self.days(5),
            TaskStatus.IN_PROGRESS,
            30,
            started_at=self.days(-6),
            last_progress_at=self.days(-4),
        )
        await self.task(
            req,
            "finance",
            "finance_staff",
            "审核推广预算",
            self.days(-1),
            TaskStatus.PENDING,
        )

    async def complaint_under_review(self) -> None:
        req = await self.requirement(
            "service_staff",
            ["service", "production", "logistics", "sales"],
            RequirementStatus.PENDING_REVIEW,
            title="客户投诉：A2024批次产品外壳开裂问题处理",
            background="华东区3家经销商反馈A2024批次产品外壳开裂，客户情绪激动。",
            goals="48小时内给出原因与补救方案，客户满意度恢复到90%以上。",
            deliverables="质量追溯报告+物流排查结论+客户沟通记录",
            acceptance_criteria="明确责任环节，所有投诉客户均已回访",
            expected_by=(self.now + timedelta(days=5)).date(),
            priority=Priority.URGENT,
            submitted_at=self.days(-1),
            created_at=self.days(-1),
        )
        await self.review_round(
            req,
            1,
            {
                "production": (
                    ReviewDecision.APPROVE,
                    "同意，生产部负责质量追溯",
                    ["生产部：A2024批次质量追溯"],
                ),
            },
            RoundOutcome.OPEN,
            self.days(-1),
        )

    async def expense_policy_draft(self) -> None:
        await self.requirement(
            "finance_staff",
            ["finance", "it", "office"],
            RequirementStatus.DRAFT,
            title="费用报销流程线上化推行",
            background="纸质报销单据流转慢，平均报销周期12天。",
            goals="9月起全员线上报销，报销周期缩短到5天以内。",
            deliverables="线上报销流程+培训材料+试运行报告",
            acceptance_criteria="试运行一个月，报销周期不超过5天，差错率低于1%。",
            expected_by=(self.now + timedelta(days=60)).date(),
            created_at=self.days(-2),
        )

    async def customer_event_approved(self) -> None:
        req = await self.requirement(
            "market_head",
            ["market", "office", "tech", "sales", "finance"],
            RequirementStatus.APPROVED,
            title="年度客户答谢会筹备",
            background="年底举办200人规模的客户答谢会。",
            goals="到场率90%以上，现场签约10家。",
            deliverables="活动方案+场地合同+嘉宾名单+预算表",
            acceptance_criteria="场地确认不晚于活动前30天",
            expected_by=(self.now + timedelta(days=45)).date(),
            submitted_at=self.days(-5),
            approved_at=self.days(-3),
            created_at=self.days(-6),
        )
        await self.review_round(
            req,
            1,
            {
                "office": (ReviewDecision.APPROVE, "同意", ["行政部：确认活动场地"]),
                "tech": (ReviewDecision.APPROVE, "同意", ["技术部：现场设备调试"]),
                "sales": (ReviewDecision.APPROVE, "同意", ["销售部：客户邀约"]),
                "finance": (ReviewDecision.APPROVE, "同意", ["财务部：活动预算"]),
            },
            RoundOutcome.APPROVED,
            self.days(-5),
        )

    async def thermostat_archived(self) -> None:
        req = await self.requirement(
            "rnd_staff",
            ["rnd", "market", "production"],
            RequirementStatus.ARCHIVED,
            title="智能温控器新品立项调研",
            background="竞品已推出联网温控器，我司产品线缺位。",
            goals="完成市场调研与技术可行性评估，给出立项建议。",
            deliverables="市场调研报告+技术可行性报告",
            expected_by=self.days(-20).date(),
            submitted_at=self.days(-60),
            approved_at=self.days(-57),
            initiated_at=self.days(-56),
            completed_at=self.days(-22),
            archived_at=self.days(-20),
            created_at=self.days(-61),
        )
        await self.review_round(
            req,
            1,
            {
                "market": (ReviewDecision.APPROVE, "同意", ["市场部：竞品与用户调研"]),
                "production": (ReviewDecision.APPROVE, "同意", ["生产部：量产可行性评估"]),
            },
            RoundOutcome.APPROVED,
            self.days(-60),
        )
        await self.task(
            req,
            "market",
            "market_staff",
            "竞品与用户调研",
            self.days(-30),
            TaskStatus.COMPLETED,
            100,
            started_at=self.days(-55),
            completed_at=self.days(-31),
        )
        report = await ResultReport.create(
            requirement_id=req.id,
            author=self.users["rnd_staff"],
            goal_achievement="调研按期完成，建议立项，目标上市时间明年Q2。",
            contributions="市场部完成竞品与用户调研；生产部完成量产可行性评估。",
            problems="用户调研样本偏少，后续需补充。",
            using_db=self.conn,
        )
        await settle(self.conn, ResultReport, self.days(-21), id=report.id)
        archive = await Archive.create(
            requirement_id=req.id,
            archived_by=self.users["admin"],
            title=req.title,
            summary="调研按期完成，建议立项。",
            search_text=" ".join(segment(f"{req.title} {req.background} {req.goals}")),
            using_db=self.conn,
        )
        await settle(self.conn, Archive, self.days(-20), id=archive.id)
        given = self.days(-19)
        feedback = await Feedback.create(
            code=await codes.next_monthly_code(codes.FEEDBACK, self.conn, given),
            requirement=req,
            author=self.users["market_staff"],
            author_department=self.depts["market"],
            kind=FeedbackKind.PRAISE,
            content="研发部赵磊响应迅速，技术问题当天答复。",
            using_db=self.conn,
        )
        item = await FeedbackItem.create(
            feedback_id=feedback.id,
            position=0,
            kind=feedback.kind,
            content=feedback.content,
            using_db=self.conn,
        )
        await settle(self.conn, Feedback, given, id=feedback.id)
        await settle(self.conn, FeedbackItem, given, id=item.id)
