"""Dependencies routes share: the store opened in the lifespan, the settings, and the write
key that guards every write over HTTP."""

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from app.config import Settings
from app.errors import OrgMapError
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


api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="ORGMAP_API_KEY")


class WriteRefusedError(OrgMapError):
    """A write turned away before it began: its status and title are its own."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status, self.title = status, title


def valid_key(given: str | None, settings: Settings) -> bool:
    """Compared as bytes in constant time: a header may carry any byte (latin-1)."""
    if given is None or settings.api_key is None:
        return False
    expected = settings.api_key.get_secret_value().encode("utf-8")
    return secrets.compare_digest(given.encode("latin-1", "replace"), expected)


def check_write_key(settings: Settings, key: str | None, what: str) -> None:
    if settings.api_key is None:
        raise WriteRefusedError(403, "Forbidden", f"{what} are off: set ORGMAP_API_KEY")
    if not valid_key(key, settings):
        raise WriteRefusedError(401, "Unauthorized", "a valid X-API-Key header is required")


def require_write_key(settings: SettingsDep, key: Annotated[str | None, Depends(api_key)]) -> None:
    check_write_key(settings, key, "writes")


WriteKey = Depends(require_write_key)
