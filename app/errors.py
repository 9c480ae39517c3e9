"""Domain errors. Adapters turn database errors into these; the API turns these into RFC 9457."""


class OrgMapError(Exception):
    """Base of every error OrgMap reports to a user as one clear line.

    `internal` holds what only the operator should see (paths, the engine's own words): the
    CLI prints it after the line, the API writes it to the log and never into an answer."""

    title = "OrgMap error"
    status = 500
    retry_after: int | None = None  # seconds after which trying again may succeed

    def __init__(self, message: str, *, internal: str | None = None) -> None:
        super().__init__(message)
        self.internal = internal


class NotFoundError(OrgMapError):
    title = "Not found"
    status = 404

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class ValidationFailedError(OrgMapError):
    """Input files have problems; nothing was written."""

    title = "Validation failed"
    status = 422

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the input; nothing was loaded")
        self.problems = problems


class StoreUnavailableError(OrgMapError):
    """The database cannot be opened or reached."""

    title = "Graph store unavailable"
    status = 503


class LoadFailedError(OrgMapError):
    """Writing the new graph failed; the previous graph is still in place."""

    title = "Load failed"
    status = 500


class NoGraphError(StoreUnavailableError):
    """Nothing has been loaded yet."""

    title = "No graph loaded"


class DamagedGraphError(StoreUnavailableError):
    """The graph's file is there but is not a whole OrgMap graph (truncated, overwritten,
    not written by a load): answered as unavailable until a load replaces it."""

    title = "Graph damaged"


class GraphChangedError(OrgMapError):
    """Another write replaced the graph while this one was being prepared from it."""

    title = "Conflict"
    status = 409


class QueryTimeoutError(OrgMapError):
    """A walk over the graph ran past its time budget or size cap."""

    title = "Query too expensive"
    status = 503


class QueryError(OrgMapError):
    """A named query is unknown, its parameters do not match it, or the engine rejected a
    statement: OrgMap's own fault (no request writes a statement), so a 500."""

    title = "Query error"
    status = 500


class InvalidMapError(OrgMapError):
    """A saved map names nodes or edges its view does not draw: nothing was saved."""

    title = "Invalid map"
    status = 422


class RendererUnavailableError(OrgMapError):
    """A picture was asked for and Graphviz, which draws it, is not installed."""

    title = "Renderer unavailable"
    status = 503
