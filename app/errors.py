"""Domain errors. Adapters turn database errors into these; the API turns these into RFC 9457."""


class OrgMapError(Exception):
    """Base of every error OrgMap reports to a user as one clear line."""

    title = "OrgMap error"
    status = 500


class NotFoundError(OrgMapError):
    title = "Not found"
    status = 404

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class BadRequestError(OrgMapError):
    title = "Bad request"
    status = 400


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


class QueryTimeoutError(OrgMapError):
    """A walk over the graph ran past its time budget or size cap."""

    title = "Query too expensive"
    status = 503


class QueryError(OrgMapError):
    """A named query is unknown, or its parameters do not match the query."""

    title = "Query error"
    status = 400
