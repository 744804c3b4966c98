"""schemathesis hooks for `just test` (loaded through SCHEMATHESIS_HOOKS by scripts/test-live.sh).

Three things the spec cannot carry, all about test data, none about what is checked:

- Files. The import endpoints take an Excel workbook and photo upload takes a jpeg, png or webp;
  schemathesis has no generator for these media types. Generated bodies are random bytes (which the
  API must refuse cleanly, 415 or 422) or, some of the time, a real file: a 1×1 PNG for photos, and
  for every other valid upload the API's own import template for the table (the coverage phase
  marks any workbook body as invalid data, so workbooks are only swapped into valid cases).
- Fresh values for what must be unique (usernames, names under one parent, idempotency keys), so a
  value reused from an example is not refused as taken.
- Live refresh tokens. Refresh and sign-out take one; their examples get a fresh one from a demo
  sign-in (the stateful phase also follows the spec's links from sign-in to them).

(Co-signing and the community's needs are a resident's actions: schemathesis.toml sends those two
operations with the demo resident's token.)
"""

import itertools
import struct
import threading
import zlib

import requests
import schemathesis
from hypothesis import strategies as st
from schemathesis.specs.openapi.media_types import register_media_type

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEMO_PASSWORD = "happyhome-demo"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xcc\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


class _Server:
    """The server under test: demo sign-ins and its own import templates, fetched once."""

    base_url = None
    lock = threading.Lock()
    tokens = {}
    workbooks = None

    @classmethod
    def know(cls, operation):
        if cls.base_url is None:
            cls.base_url = operation.schema.get_base_url().rstrip("/")

    @classmethod
    def sign_in(cls, username: str):
        """A fresh token pair for a demo account."""
        response = requests.post(
            f"{cls.base_url}/api/v1/auth/login", json={"username": username, "password": DEMO_PASSWORD}, timeout=30
        )
        return response.json() if response.ok else {}

    @classmethod
    def templates(cls) -> list:
        """Real workbooks: the KPI template and the resource templates, each with one example row."""
        with cls.lock:
            if cls.workbooks is None and cls.base_url:
                token = cls.sign_in("admin").get("access_token")
                paths = ["/api/v1/kpis/values/template"] + [f"/api/v1/resources/template?table={t}" for t in ("providers", "services")]
                responses = [
                    requests.get(f"{cls.base_url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=30) for path in paths
                ]
                cls.workbooks = [r.content for r in responses if r.ok]
            return cls.workbooks or [b""]


register_media_type("image/png", st.one_of(st.binary(), st.just(_png())))


@schemathesis.hook
def before_add_examples(context, examples):
    """Refresh and sign-out take a live refresh token: each gets one from a fresh demo sign-in."""
    operation = context.operation
    if operation is None or operation.path not in ("/api/v1/auth/refresh", "/api/v1/auth/logout"):
        return
    _Server.know(operation)
    token = _Server.sign_in("admin").get("refresh_token")
    if token:
        examples.append(operation.Case(body={"refresh_token": token}, media_type="application/json"))


# What must be unique, per create operation: an example or a boundary value sent twice is refused
# as taken (422), which says nothing about the schema.
UNIQUE_FIELDS = {
    "/api/v1/users": ("username",),
    "/api/v1/areas": ("name",),
    "/api/v1/providers": ("name",),
}
_sent = itertools.count(1)


IMPORTS = {"/api/v1/kpis/values/import", "/api/v1/resources/import"}


def _positive_body_case(case) -> bool:
    """A positive case that is not about a header (those must reach the server exactly as generated)."""
    meta = case.meta
    if meta is None or str(meta.generation.mode.value) != "positive":
        return False
    if any(str(info.mode.value) != "positive" for info in meta.components.values()):
        return False
    location = getattr(getattr(meta.phase, "data", None), "parameter_location", None)
    return "header" not in str(location).lower()


@schemathesis.hook
def before_call(context, case, kwargs):
    """Fresh values for what must be unique (usernames and names on create, idempotency keys), and a
    real workbook where the coverage phase would send an empty file to an import."""
    _Server.know(case.operation)
    if case.operation.method.upper() != "POST" or not _positive_body_case(case):
        return
    n = next(_sent)
    for name in [h for h in (case.headers or {}) if h.lower() == "idempotency-key"]:
        if isinstance(case.headers[name], str):
            case.headers[name] = f"{case.headers[name][:240]}-{n}"
    body = case.body if isinstance(case.body, dict) else {}
    for field in UNIQUE_FIELDS.get(case.operation.path, ()):
        value = body.get(field)
        if isinstance(value, str) and value.strip():
            suffix = f"-{n}" if field == "username" else f" {n}"
            body[field] = value[: (32 if field == "username" else 100) - len(suffix)] + suffix
    # Every other positive upload (and every empty one) is a real workbook instead of random bytes.
    if case.operation.path in IMPORTS and (case.body in (b"", "") or n % 2 == 0):
        workbooks = _Server.templates()
        table = (case.query or {}).get("table")
        # As text (one char per byte): a `bytes` body fails the spec's `type: string` when the case is
        # re-checked after this change, and a valid case would be counted as invalid data.
        case.body = workbooks[{"providers": 1, "services": 2}.get(table, 0) % len(workbooks)].decode("latin-1")


SIGNATURES = {
    XLSX: (b"PK\x03\x04",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/webp": (b"RIFF",),
}


@schemathesis.deserializer(*SIGNATURES)
def file_body(ctx, response):
    """A file response is valid when its bytes are what its content type says (a zip for a
    workbook, the image signatures); it is then checked as the spec's binary string."""
    media_type = response.headers.get("content-type", [""])
    media_type = (media_type[0] if isinstance(media_type, list) else media_type).split(";")[0].strip()
    if not response.content.startswith(SIGNATURES.get(media_type, (b"",))):
        raise ValueError(f"the body is not a {media_type} file")
    return response.content.decode("latin-1")


@schemathesis.serializer(XLSX)
def xlsx_body(ctx, value):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        try:
            return value.encode("latin-1")
        except UnicodeEncodeError:
            return value.encode("utf-8")
    return repr(value).encode("utf-8")
