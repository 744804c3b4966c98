"""schemathesis hooks for `just test` (loaded through SCHEMATHESIS_HOOKS by scripts/test-live.sh).

The import endpoint takes an Excel workbook (`application/vnd.openxmlformats-officedocument.
spreadsheetml.sheet`), a media type schemathesis has no serializer for; generated bodies are sent
as the raw bytes they are, which the API must refuse cleanly (422) unless they form a workbook.
"""

import schemathesis

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@schemathesis.serializer(XLSX)
def xlsx_body(ctx, value):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    return repr(value).encode("utf-8")
