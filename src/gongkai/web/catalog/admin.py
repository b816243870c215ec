from gongkai.web.catalog import admin_registry  # noqa: F401
