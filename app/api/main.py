"""The FastAPI application: the store opens in the lifespan; docs are served without any CDN."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from app import __version__
from app.api import openapi, problems
from app.api.budget import RequestBudget
from app.api.routes import catalogue, health, imports, maps, saved_maps, timeline
from app.config import Settings, get_settings
from app.store import open_store


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = open_store(settings)
        try:
            yield
        finally:
            app.state.store.close()

    app: FastAPI = FastAPIOffline(
        title="OrgMap",
        summary="Who steers whom in public administration, with the source of every fact.",
        version=__version__,
        lifespan=lifespan,
        redoc_url=None,
    )
    app.state.settings = settings
    problems.install(app)
    app.include_router(health.router)
    app.include_router(catalogue.router)
    app.include_router(maps.router)
    app.include_router(imports.router)
    app.include_router(saved_maps.router)
    app.include_router(timeline.router)
    openapi.install(app)
    app.add_middleware(RequestBudget, seconds=settings.query_timeout_s)
    return app
