"""``crossflow.asgi:app`` for ASGI servers running several processes (uvicorn --workers)."""

from crossflow import logs
from crossflow.app import create_app
from crossflow.settings import get_settings

logs.configure(get_settings())
app = create_app(embedded_worker=not get_settings().redis_url)
