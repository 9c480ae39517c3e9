"""Dependencies routes share: the store opened in the lifespan, and the settings."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from app.config import Settings
from app.store.base import GraphStore


def get_store(request: Request) -> Iterator[GraphStore]:
    store: GraphStore = request.app.state.store
    yield store


def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with (tests create apps with their own)."""
    settings: Settings = request.app.state.settings
    return settings


# What every read route answers: HEAD is GET without the body (RFC 9110), and a 405 then
# lists both in Allow.
READ = ["GET", "HEAD"]

StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
