"""Every error of the JSON API is one shape, `{"errors": {field: [message, …]}}`, in Chinese,
and every status an operation can answer is in the OpenAPI document.

Django Ninja's own errors (a parameter of the wrong type, a body that is no JSON, no login,
no such object) come back in English as `{"detail": …}`; the handlers here translate them
into the shape the endpoints use for their own refusals, so a client reads one kind of
error. `document_errors` adds the shared error answers to every operation of the document
(`tests/web/test_api_fuzz.py` fuzzes the API against it).
"""

from functools import partial

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

ALL = "__all__"
# pydantic's error types -> the message a person can act on
MESSAGES = {
    "missing": "必须填写。",
    "int_parsing": "必须是整数。",
    "int_type": "必须是整数。",
    "int_from_float": "必须是整数。",
    "float_parsing": "必须是数字。",
    "bool_parsing": "必须是 true 或 false。",
    "bool_type": "必须是 true 或 false。",
    "string_type": "必须是文字。",
    "date_parsing": "必须是日期（YYYY-MM-DD）。",
    "date_from_datetime_parsing": "必须是日期（YYYY-MM-DD）。",
    "date_from_datetime_inexact": "必须是日期（YYYY-MM-DD）。",
    "date_type": "必须是日期（YYYY-MM-DD）。",
    "list_type": "必须是列表。",
    "dict_type": "必须是对象。",
    "model_attributes_type": "必须是对象。",
    "greater_than_equal": "不能小于 {ge}。",
    "greater_than": "必须大于 {gt}。",
    "less_than_equal": "不能大于 {le}。",
    "less_than": "必须小于 {lt}。",
    "string_too_long": "最多 {max_length} 个字。",
    "string_too_short": "至少 {min_length} 个字。",
    "too_long": "最多 {max_length} 项。",
    "literal_error": "不是可选的值。",
    "enum": "不是可选的值。",
}
FALLBACK = "格式不正确。"
STATUS_MESSAGES = {
    400: "请求无法读取：正文必须是 JSON 对象。",
    401: "请先登录。",
    403: "您无权进行此项操作。",
    404: "没有找到。",
    405: "不支持这种请求方法。",
    415: "正文必须是 JSON（Content-Type: application/json）。",
}


def field_name(location) -> str:
    parts = [str(part) for part in location[1:] if part != "payload"]
    return ".".join(parts) or ALL


def message_of(error: dict) -> str:
    template = MESSAGES.get(error.get("type", ""), FALLBACK)
    try:
        return template.format(**error.get("ctx", {}))
    except (KeyError, IndexError, ValueError):
        return FALLBACK


def validation_errors(errors: list[dict]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for error in errors:
        messages = grouped.setdefault(field_name(error.get("loc", ())), [])
        if (message := message_of(error)) not in messages:
            messages.append(message)
    return grouped


def on_validation_error(request, error: ValidationError, api: NinjaAPI):
    return api.create_response(request, {"errors": validation_errors(error.errors)}, status=422)


def on_http_error(request, error: HttpError, api: NinjaAPI):
    status = error.status_code
    message = STATUS_MESSAGES.get(status, FALLBACK)
    if isinstance(error, AuthenticationError):
        message = STATUS_MESSAGES[403 if status == 403 else 401]
    return api.create_response(request, {"errors": {ALL: [message]}}, status=status)


def on_not_found(request, error: Http404, api: NinjaAPI):
    return api.create_response(request, {"errors": {ALL: [STATUS_MESSAGES[404]]}}, status=404)


def install_error_handlers(api: NinjaAPI) -> None:
    api.add_exception_handler(ValidationError, partial(on_validation_error, api=api))
    api.add_exception_handler(HttpError, partial(on_http_error, api=api))
    api.add_exception_handler(Http404, partial(on_not_found, api=api))


ERRORS_SCHEMA = {
    "title": "Errors",
    "type": "object",
    "required": ["errors"],
    "properties": {
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        }
    },
}
# status -> when an operation can answer it
SHARED_ERRORS = {
    "400": ("every", "请求无法读取（例如正文不是 JSON）或内容不符合要求"),
    "401": ("secured", "未登录"),
    "403": ("secured", "无权进行此项操作"),
    "404": ("every", "没有找到"),
    "415": ("body", "正文不是 JSON（Content-Type 须为 application/json）"),
    "422": ("every", "参数或正文的类型、范围不符合本文档"),
}


def document_errors(schema: dict) -> dict:
    """The OpenAPI document with the shared error answers added to every operation."""
    schema.setdefault("components", {}).setdefault("schemas", {}).setdefault(
        "Errors", ERRORS_SCHEMA
    )
    reference = {"$ref": "#/components/schemas/Errors"}
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            applies = {
                "every": True,
                "secured": bool(operation.get("security")),
                "body": "requestBody" in operation,
            }
            for status, (when, description) in SHARED_ERRORS.items():
                # Ninja keys its own answers by number: "400" beside 400 would be a
                # duplicate key in the JSON, which Swagger UI refuses to read.
                if status in responses or int(status) in responses or not applies[when]:
                    continue
                responses[status] = {
                    "description": description,
                    "content": {"application/json": {"schema": reference}},
                }
    return schema
