"""Every request runs within the time budget (ORGMAP_QUERY_TIMEOUT_S): each statement the
store runs gets what is left of it, and past it the answer is a 503 problem, never a hang.
A route with a budget of its own (imports) sets it inside this one."""

from starlette.types import ASGIApp, Receive, Scope, Send

from app import deadline


class RequestBudget:
    """ASGI middleware: the request's deadline, in the context the route runs in."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with deadline.within(self.seconds):
            await self.app(scope, receive, send)
