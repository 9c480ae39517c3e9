"""Settings, read once from ORGMAP_* environment variables."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_READ_CACHE_ROWS = 100_000  # ORGMAP_READ_CACHE_ROWS: about 2 KB a row


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORGMAP_", frozen=True)

    backend: Literal["ladybug", "neo4j"] = "ladybug"
    db_path: Path = Path("data/orgmap.lbug")  # the embedded (ladybug) database file
    # Neo4j (backend "neo4j"): neo4j:// routes reads to readers in a cluster, bolt:// is direct.
    neo4j_uri: str = "neo4j://localhost:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    neo4j_pool_size: int = Field(default=50, ge=1)
    neo4j_load_batch: int = Field(default=5_000, ge=1)
    seed_dir: Path = PROJECT_ROOT / "seed_data"
    sources_dir: Path = PROJECT_ROOT.parent / "shared" / "seeds"
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    log_level: str = "info"
    query_timeout_s: float = Field(default=10.0, gt=0)  # every request's time budget
    import_timeout_s: float = Field(default=600.0, gt=0)  # an import over HTTP: read, merge, swap
    import_max_bytes: int = Field(default=50_000_000, ge=1)  # the largest import body taken
    # Whole-graph exports, written once per revision (default: beside the embedded database).
    export_dir: Path | None = None
    api_key: SecretStr | None = None  # POST /api/v1/imports needs it (X-API-Key); none: off
    max_rows_per_step: int = Field(default=100_000, le=100_000)  # expand_* stop at 100,001
    # Rows of recent answers the embedded store keeps until the graph is swapped; 0: none.
    read_cache_rows: int = Field(default=DEFAULT_READ_CACHE_ROWS, ge=0)

    @field_validator("api_key", mode="before")
    @classmethod
    def _blank_key_is_no_key(cls, value: object) -> object:
        """ORGMAP_API_KEY= (set, but empty) turns imports off: an empty key opens nothing."""
        if isinstance(value, str | SecretStr):
            text = value.get_secret_value() if isinstance(value, SecretStr) else value
            return text if text.strip() else None
        return value

    @property
    def exports(self) -> Path:
        return self.export_dir or self.db_path.with_name(self.db_path.name + ".exports")

    @property
    def graph_location(self) -> str:
        """Where the graph is, as the CLI tells the operator: the file, or the server."""
        return str(self.db_path) if self.backend == "ladybug" else f"Neo4j at {self.neo4j_uri}"


def settings_env(settings: Settings) -> dict[str, str]:
    """The settings as ORGMAP_* variables, for a process OrgMap starts to work on the same
    graph (the export writer)."""
    env = {}
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        plain = value.get_secret_value() if isinstance(value, SecretStr) else value
        env[f"ORGMAP_{name.upper()}"] = str(plain)
    return env


@lru_cache
def get_settings() -> Settings:
    return Settings()
