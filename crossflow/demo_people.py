"""The demo organisation of DESIGN.md: twelve departments, a head and a staff member each."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from core.security import hash_password
from core.settings import DEMO_PASSWORD
from models import Department, DepartmentHead, User
from models.enums import Role

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


async def load_people(conn: BaseDBAsyncClient) -> dict[str, User]:
    """Create the departments, their heads and staff, the admin and the CEO; by username."""
    # One hash for all demo users: argon2 is deliberately slow, and the demo must start fast.
    password_hash = hash_password(DEMO_PASSWORD)
    users: dict[str, User] = {}

    async def person(username: str, name: str, role: Role, dept: Department | None) -> User:
        user = await User.create(
            username=username,
            display_name=name,
            email=f"{username}@crossflow.example",
            role=role,
            department=dept,
            password_hash=password_hash,
            using_db=conn,
        )
        users[username] = user
        return user

    office = None
    for order, (code, name, name_en, head_name, staff_name) in enumerate(DEPARTMENTS):
        dept = await Department.create(
            code=code, name=name, name_en=name_en, sort_order=order, using_db=conn
        )
        head = await person(f"{code}_head", head_name, Role.DEPT_HEAD, dept)
        await DepartmentHead.create(department=dept, user=head, using_db=conn)
        await person(f"{code}_staff", staff_name, Role.EMPLOYEE, dept)
        office = dept if code == "office" else office
    await person("admin", "平台管理员", Role.ADMIN, office)
    await person("ceo", "总经理", Role.EXECUTIVE, None)
    return users
