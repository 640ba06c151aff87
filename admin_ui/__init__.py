"""The generated admin panel (starlette-admin): views from the models, sign-in, dashboard."""
