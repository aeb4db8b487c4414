"""Errors the server answers with, each a stable code and a sentence (protocol.ErrorBody).

ApiError(status, code)            -> that status, {"error": {"code", "message", "detail"}}
pydantic / FastAPI validation     -> 422 validation_failed, field paths only (never the values: child data)
anything else                     -> 500 internal, logged with a reference, no details to the caller
"""

from __future__ import annotations

from typing import Any

from sync.protocol import ErrorCode


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: ErrorCode,
        message: str,
        detail: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail, self.headers = status, code, message, detail, headers


def unauthorized(message: str = "Sign in first: this request needs a valid token.") -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"There is no {what}.")


def field_errors(errors: Any) -> list[dict[str, str]]:
    """pydantic's errors as the `fields` detail of a 422: paths and messages only (a value may be a child's name)."""
    return [{"field": ".".join(str(x) for x in err["loc"]), "problem": err["msg"]} for err in errors]
