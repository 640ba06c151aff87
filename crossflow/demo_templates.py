"""The four scenarios of the source document as default scenario templates (需求模板).

New product development, a large marketing event, a cross-department customer complaint and
rolling out an internal policy: each with its departments, a task list with deadlines
relative to initiation, and for the complaint the departments' response limits and tighter
warning thresholds. Each starts at version 1 with its snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tortoise.backends.base.client import BaseDBAsyncClient

from models import (
    Department,
    RequirementTemplate,
    TemplateDepartment,
    TemplateResponseLimit,
    TemplateTask,
    TemplateWarningThreshold,
)
from models.enums import Priority, ThresholdUnit, WarningRuleKind
from resolvers.templates.definitions import bump_template_version


@dataclass(frozen=True)
class Scenario:
    key: str
    name: str
    name_en: str
    description: str
    priority: Priority
    #: (department code, what it contributes); the first one leads.
    departments: tuple[tuple[str, str], ...]
    #: (department code, title, days after initiation)
    tasks: tuple[tuple[str, str, int], ...]
    #: (department code, hours, standard)
    response_limits: tuple[tuple[str, int, str], ...] = ()
    #: (rule, normal, urgent, unit)
    thresholds: tuple[tuple[WarningRuleKind, int, int, ThresholdUnit], ...] = field(default=())


SCENARIOS = (
    Scenario(
        key="new-product",
        name="新产品研发全周期协作",
        name_en="New product development",
        description=(
            "市场部提出新产品需求后，联动研发部、生产部、销售部、客服部共同推进："
            "需求调研→产品立项→研发设计→试产测试→上市推广→售后反馈，全程留痕、自动流转，"
            "避免“研发闭门造车、销售信息滞后”。"
        ),
        priority=Priority.NORMAL,
        departments=(
            ("market", "需求调研与上市推广"),
            ("rnd", "研发设计"),
            ("production", "试产测试"),
            ("sales", "销售渠道与客户反馈"),
            ("service", "售后反馈收集"),
        ),
        tasks=(
            ("market", "市场部：完成需求调研报告", 7),
            ("rnd", "研发部：提交产品立项评审材料", 14),
            ("rnd", "研发部：完成研发设计方案", 30),
            ("production", "生产部：完成试产测试报告", 45),
            ("market", "市场部：制定上市推广方案", 55),
            ("service", "客服部：建立售后反馈收集机制", 60),
        ),
    ),
    Scenario(
        key="marketing-event",
        name="大型市场活动统筹执行",
        name_en="Large marketing event",
        description=(
            "如品牌年度发布会，由市场部主导，协同行政部（场地搭建）、技术部（设备支持）、"
            "销售部（客户邀约）、财务部（预算管控）；统一分配任务、跟踪物料准备进度，"
            "对场地确认截止时间等关键节点提前预警。"
        ),
        priority=Priority.NORMAL,
        departments=(
            ("market", "活动总体策划与执行"),
            ("office", "场地搭建"),
            ("tech", "设备支持"),
            ("sales", "客户邀约"),
            ("finance", "预算管控"),
        ),
        tasks=(
            ("finance", "财务部：审核活动预算", 5),
            ("office", "行政部：确认活动场地", 7),
            ("market", "市场部：完成活动执行方案", 10),
            ("sales", "销售部：提交重点客户邀约名单", 10),
            ("tech", "技术部：完成现场设备调试方案", 14),
        ),
        thresholds=(
            # key dates (the venue) warn two days ahead, urgent ones four
            (WarningRuleKind.DUE_SOON, 2, 4, ThresholdUnit.DAYS),
        ),
    ),
    Scenario(
        key="customer-complaint",
        name="客户投诉跨部门处理",
        name_en="Cross-department customer complaint",
        description=(
            "客服部收到复杂投诉（如产品质量+物流服务问题）时，快速触发生产部（质量追溯）、"
            "物流部（路径核查）、销售部（客户沟通）协作；自动生成投诉工单，"
            "明确各部门响应时效与处理标准，避免客户问题“踢皮球”。"
        ),
        priority=Priority.URGENT,
        departments=(
            ("service", "受理投诉、汇总结论并回访客户"),
            ("production", "质量追溯"),
            ("logistics", "路径核查"),
            ("sales", "客户沟通"),
        ),
        tasks=(("service", "客服部：汇总处理结论并完成客户回访", 3),),
        response_limits=(
            ("production", 24, "质量追溯"),
            ("logistics", 24, "物流路径核查"),
            ("sales", 4, "客户沟通安抚"),
        ),
        thresholds=(
            # work orders last hours, not days: warn hours ahead, escalate one hour before
            (WarningRuleKind.DUE_SOON, 2, 3, ThresholdUnit.HOURS),
            (WarningRuleKind.ESCALATION, 1, 1, ThresholdUnit.HOURS),
        ),
    ),
    Scenario(
        key="policy-rollout",
        name="内部制度落地推行",
        name_en="Rolling out an internal policy",
        description=(
            "企业推行新制度（如报销流程优化）时，由财务部牵头，协同各部门收集反馈、"
            "测试流程、培训人员；支持流程线上模拟、意见实时征集、执行进度可视化，"
            "保证制度落地“不变形”。"
        ),
        priority=Priority.NORMAL,
        departments=(
            ("finance", "制度方案与推行"),
            ("it", "线上流程搭建与测试"),
            ("office", "培训组织"),
            ("legal", "合规审核"),
        ),
        tasks=(
            ("finance", "财务部：发布新制度方案与流程图", 7),
            ("legal", "法务部：完成制度合规审核", 10),
            ("it", "IT部：完成线上流程模拟测试", 14),
            ("finance", "财务部：汇总各部门意见", 21),
            ("office", "行政部：组织全员培训", 28),
            ("finance", "财务部：提交试运行总结报告", 45),
        ),
    ),
)


async def load_default_templates(
    conn: BaseDBAsyncClient, admin_id: int | None = None
) -> list[RequirementTemplate]:
    """Create the scenarios that do not exist yet, each at version 1 with its snapshot."""
    depts = {d.code: d.id for d in await Department.all().using_db(conn)}
    existing = set(await RequirementTemplate.all().using_db(conn).values_list("key", flat=True))
    created = []
    for scenario in SCENARIOS:
        if scenario.key in existing:
            continue
        template = await RequirementTemplate.create(
            key=scenario.key,
            name=scenario.name,
            name_en=scenario.name_en,
            description=scenario.description,
            priority=scenario.priority,
            updated_by_id=admin_id,
            using_db=conn,
        )
        for index, (code, contribution) in enumerate(scenario.departments):
            await TemplateDepartment.create(
                template=template,
                department_id=depts[code],
                is_lead=index == 0,
                contribution=contribution,
                using_db=conn,
            )
        for position, (code, title, days) in enumerate(scenario.tasks):
            await TemplateTask.create(
                template=template,
                department_id=depts[code],
                title=title,
                offset_days=days,
                position=position,
                using_db=conn,
            )
        for code, hours, standard in scenario.response_limits:
            await TemplateResponseLimit.create(
                template=template,
                department_id=depts[code],
                hours=hours,
                standard=standard,
                using_db=conn,
            )
        for kind, normal, urgent, unit in scenario.thresholds:
            await TemplateWarningThreshold.create(
                template=template,
                kind=kind,
                threshold_normal=normal,
                threshold_urgent=urgent,
                unit=unit,
                using_db=conn,
            )
        await bump_template_version(
            template.id, admin_id, "默认模板 (default template)", via="system", conn=conn
        )
        created.append(template)
    return created
