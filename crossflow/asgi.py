"""``crossflow.asgi:app`` for ASGI servers running several processes (uvicorn --workers)."""

from core import logs
from core.settings import get_settings
from crossflow.app import create_app

logs.configure(get_settings())
app = create_app(embedded_worker=not get_settings().redis_url)
