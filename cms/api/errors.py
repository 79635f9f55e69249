"""RFC 9457 problem bodies for every error the API answers.

Partners get a machine-readable body that names the offending parameter, never an HTML
error page: validation errors become 400 (not ninja's default 422, because a query string
is not an entity), unknown objects 404, throttling 429 with ``Retry-After``.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError

PROBLEM_CONTENT_TYPE = "application/problem+json"


class ParameterError(Schema):
    """One rejected query parameter."""

    parameter: str
    message: str


class Problem(Schema):
    """An error response (RFC 9457 problem details)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[ParameterError] = []


class BadParameter(Exception):
    """A query parameter that is unknown or has a value the API cannot use."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def problem_response(
    status: int,
    detail: str,
    errors: list[ParameterError] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    problem = Problem(
        title=HTTPStatus(status).phrase, status=status, detail=detail, errors=errors or []
    )
    response = HttpResponse(
        problem.model_dump_json(), status=status, content_type=PROBLEM_CONTENT_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def bad_parameters(errors: list[ParameterError]) -> HttpResponse:
    names = ", ".join(dict.fromkeys(error.parameter for error in errors))
    return problem_response(400, f"Invalid query parameter: {names}", errors)


def _parameter_name(location: tuple | list) -> str:
    """The query parameter a ninja/pydantic error location points at."""
    parts = [str(part) for part in location if part not in ("query", "path", "filters")]
    return parts[-1] if parts else "query"


def _message(error: dict[str, Any]) -> str:
    message = str(error.get("msg", "invalid value"))
    return message.removeprefix("Value error, ")


def register_exception_handlers(api: NinjaAPI) -> None:
    """Answer every anticipated error with a problem body instead of ninja's defaults."""

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return bad_parameters(
            [
                ParameterError(parameter=_parameter_name(error["loc"]), message=_message(error))
                for error in exc.errors
            ]
        )

    @api.exception_handler(PydanticValidationError)
    def pydantic_error(request: HttpRequest, exc: PydanticValidationError) -> HttpResponse:
        return bad_parameters(
            [
                ParameterError(parameter=_parameter_name(error["loc"]), message=_message(error))
                for error in exc.errors()
            ]
        )

    @api.exception_handler(BadParameter)
    def bad_parameter(request: HttpRequest, exc: BadParameter) -> HttpResponse:
        return bad_parameters([ParameterError(parameter=exc.parameter, message=exc.message)])

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem_response(404, str(exc) or "Not found.")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem_response(exc.status_code, str(exc))
