"""The demo organisation of DESIGN.md: twelve departments, a head and a staff member each."""

from __future__ import annotations

#: (code, Chinese name, English name, head's name, staff member's name)
DEPARTMENTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("market", "市场部", "Marketing", "王芳", "李明"),
    ("rnd", "研发部", "R&D", "陈刚", "赵磊"),
    ("production", "生产部", "Production", "刘强", "孙伟"),
    ("sales", "销售部", "Sales", "周杰", "吴静"),
    ("service", "客服部", "Customer Service", "郑丽", "冯敏"),
    ("office", "行政部", "Administration", "何平", "许娜"),
    ("tech", "技术部", "Technology", "高翔", "林涛"),
    ("finance", "财务部", "Finance", "马俊", "朱琳"),
    ("design", "设计部", "Design", "胡雪", "郭晨"),
    ("logistics", "物流部", "Logistics", "罗斌", "梁宇"),
    ("it", "IT部", "IT", "宋杨", "唐浩"),
    ("legal", "法务部", "Legal", "韩梅", "曹阳"),
)
