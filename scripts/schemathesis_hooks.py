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

- Rows a body must name and the spec cannot: a pledge names a partner *of its program*, so a
  positive pledge names one of the program's partners; a meeting's decision counts attendance only
  for the kinds the meeting invited, at most as many as invited, and no more votes than attendees
  (arithmetic across fields, which JSON Schema cannot state), so a positive decision is brought
  within those bounds, keeping the generated numbers where they fit; a delivery is counted in the
  measure of its pledge's kind, which the spec states for pledges (NewPledge's rules) and the hooks
  apply to the delivery of a stored pledge; a program ends on or after the day it starts, so a
  positive program's two dates are put in that order; a new area sits under a demo area of the kind
  above its own, with a code that starts with its parent's (统计用区划代码 is hierarchical) and is new.
- Deliveries to replay. A replay names a delivery of the caller's own endpoint; the hooks queue a
  test ping to an endpoint of the platform admin's and replay that.
- Volunteer activities. Signing up, cancelling, recording attendance and taking a credit back each
  need a sign-up in the right state, and checking in with a code needs the code of this minute,
  which only the staff on site see: the hooks open a fresh activity of 缤纷社区 as the platform admin,
  sign the demo resident up (and for a credit to take back, check them in and out), and read the
  code as the admin. A new activity's times are put in order within a week of each other, and star
  levels are made to rise.
- Pick-up codes. Handing over a points-shop order takes the code only its resident sees; the hooks
  read a reserved order and its code from `shop_orders` in the server's SQLite file (HAPPYHOME_DB).
- One-time codes. Signing in by code, changing one's phone and deleting one's account need a code
  sent to a number; the development SMS sender writes it to the `sms_outbox` table of the server's
  SQLite file (HAPPYHOME_DB), where these hooks read it, as the API tests do. Deleting an account
  goes as a resident scripts/test-live.sh signs up for the purpose (`python -m schemathesis_hooks`),
  never the demo one.

(A resident's own operations go with the demo resident's token: see schemathesis.toml.)
"""

import datetime
import functools
import itertools
import os
import re
import sqlite3
import struct
import threading
import zlib

import requests
import schemathesis
from hypothesis import strategies as st
from schemathesis.specs.openapi.media_types import register_media_type

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEMO_PASSWORD = "happyhome-demo"
# The demo resident (缤纷居民): the eighth demo account (api/src/demo/mod.rs DEMO_USERS).
DEMO_RESIDENT = 8


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
    webhook = None

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


_numbers = itertools.count(1)


def _fresh_number() -> str:
    """A mainland mobile number nobody in the demo holds, different for every call of the run."""
    return f"166{os.getpid() % 1000:03d}{next(_numbers):05d}"


def _code_for(phone: str, purpose: str, token=None):
    """Asks the server for a code for `phone` and reads it from the outbox, or None."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    sent = requests.post(
        f"{_Server.base_url}/api/v1/auth/sms-codes", json={"phone": phone, "purpose": purpose}, headers=headers, timeout=30
    )
    db = os.environ.get("HAPPYHOME_DB")
    if not sent.ok or not db:
        return None
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT body FROM sms_outbox WHERE phone = ? ORDER BY id DESC LIMIT 1", (phone,)).fetchone()
    found = re.search(r"\d{6}", row[0]) if row else None
    return found.group(0) if found else None


def _new_resident_token():
    """Signs up a resident with a fresh number; their access token, or None."""
    phone = _fresh_number()
    code = _code_for(phone, "sign_in")
    if code is None:
        return None
    response = requests.post(
        f"{_Server.base_url}/api/v1/auth/sms-sign-in", json={"phone": phone, "code": code, "community_id": 5}, timeout=30
    )
    return response.json().get("access_token") if response.ok else None


@functools.lru_cache(maxsize=None)
def _partners_of(program_id) -> tuple:
    """The partners a program had when first asked (any of them makes a valid pledge), read once per
    program with the run's own admin token rather than a sign-in per case."""
    token = os.environ.get("HAPPYHOME_ADMIN_TOKEN") or _Server.sign_in("admin").get("access_token")
    response = requests.get(
        f"{_Server.base_url}/api/v1/programs/{program_id}", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    return tuple(p["id"] for p in response.json().get("partners", [])) if response.ok else ()


@functools.lru_cache(maxsize=None)
def _invited(topic_id, meeting_id) -> tuple:
    """(kind, invited) of a meeting, read once with the run's admin token."""
    token = os.environ.get("HAPPYHOME_ADMIN_TOKEN") or _Server.sign_in("admin").get("access_token")
    response = requests.get(f"{_Server.base_url}/api/v1/topics/{topic_id}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    meetings = response.json().get("meetings", []) if response.ok else []
    found = [m for m in meetings if m.get("id") == meeting_id]
    return tuple((p["kind"], p["invited"]) for p in found[0]["participants"]) if found else ()


@functools.lru_cache(maxsize=None)
def _pledge_kinds(program_id) -> dict:
    """{pledge id: kind} of a program, read once with the run's admin token."""
    token = os.environ.get("HAPPYHOME_ADMIN_TOKEN") or _Server.sign_in("admin").get("access_token")
    response = requests.get(f"{_Server.base_url}/api/v1/programs/{program_id}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return {p["id"]: p["kind"] for p in response.json().get("pledges", [])} if response.ok else {}


def _counted_as_pledged(case, kind: str) -> None:
    """Shapes `delivered` by the spec's rule for pledges of `kind`: measures it does not use are
    left out, the ones it needs are given (a generated positive number where there is one)."""
    rules = case.operation.schema.raw_schema["components"]["schemas"]["NewPledge"].get("allOf", [])
    rule = next((r["then"] for r in rules if r["if"]["properties"]["kind"].get("const") == kind), None)
    delivered = case.body.get("delivered")
    if rule is None or not isinstance(delivered, dict):
        return
    pledged = rule["properties"]["pledged"]
    for field, field_rule in pledged["properties"].items():
        if field_rule.get("type") == "null":
            delivered.pop(field, None)
    for field in pledged.get("required", []):
        value = delivered.get(field)
        if not isinstance(value, (int, float)) or value <= 0:
            delivered[field] = 1


# The demo area each kind of new area is put under (None: a root), and how many digits of the
# parent's code a child's code keeps (services/areas.rs, code_prefix_len).
AREA_PARENTS = {"province": None, "city": 1, "district": 2, "street": 3, "community": 4, "grid": 5}
CODE_PREFIX = {None: 0, 1: 2, 2: 4, 3: 6, 4: 9}


@functools.lru_cache(maxsize=None)
def _area_code(area_id) -> str:
    token = os.environ.get("HAPPYHOME_ADMIN_TOKEN") or _Server.sign_in("admin").get("access_token")
    response = requests.get(f"{_Server.base_url}/api/v1/areas/{area_id}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return (response.json().get("code") or "") if response.ok else ""


def _a_new_area(body: dict) -> None:
    """Puts a new area under a demo parent of the right kind, with a fresh code under the parent's."""
    for key in [k for k in body if k.startswith("/")]:
        # The coverage phase's header variations sometimes carry a stray "/<field>" key (a
        # schemathesis artifact, never a property of ours).
        del body[key]
    parent = AREA_PARENTS.get(body.get("kind"), 5)
    body["parent_id"] = parent
    if body.get("kind") == "grid" or not isinstance(body.get("code"), str):
        return
    keep = CODE_PREFIX.get(parent, 0)
    prefix = _area_code(parent)[:keep] if parent else "9"
    digits = 12 - len(prefix)
    body["code"] = prefix + str(next(_sent) % 10**digits).zfill(digits)


def _within_the_meeting(body: dict, invited: tuple) -> None:
    """Attendance of the invited kinds only, each at most as invited, and votes at most attendance."""
    generated = body.get("attended") or []
    attended = []
    for i, (kind, most) in enumerate(invited):
        count = generated[i].get("attended", most) if i < len(generated) and isinstance(generated[i], dict) else most
        attended.append({"kind": kind, "attended": max(0, min(int(count), most))})
    body["attended"] = attended
    room = sum(a["attended"] for a in attended)
    for field in ("votes_for", "votes_against", "votes_abstaining"):
        value = max(0, min(int(body.get(field) or 0), room))
        body[field] = value
        room -= value


# A demo area of each kind a role is homed in (api/src/policy/users.rs `home_area_kinds`): 3 is a
# district, 4 a street, 5 a community, 6 a grid.
ROLE_HOMES = {"district_admin": 3, "integration": 3, "street_staff": 4, "community_staff": 5, "grid_worker": 6,
              "provider": 4, "volunteer": 5, "resident": 5, "merchant": 5}


def _a_home_for_the_role(body: dict) -> None:
    """A new account homed in an area of the kind its role belongs to, and a merchant selling for a
    demo provider (the spec states which roles name one; the area's kind it cannot)."""
    role = body.get("role")
    if role in ROLE_HOMES:
        body["area_id"] = ROLE_HOMES[role]
    if role == "merchant":
        body["provider_id"] = 1


_answers: dict = {}


def _paper_answers(survey_id):
    """A valid answer to every question of an open survey that its conditions show (the first
    options, a 4 on a scale, the smallest number, a short text), or None for a survey not readable."""
    if survey_id not in _answers:
        token = os.environ.get("HAPPYHOME_ADMIN_TOKEN", "")
        got = requests.get(f"{_Server.base_url}/api/v1/surveys/{survey_id}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        questions = got.json().get("questions") if got.ok else None
        _answers[survey_id] = None if questions is None else _answering(questions)
    return _answers[survey_id]


def _answering(questions: list) -> list:
    picked: dict = {}
    answers = []
    for n, q in enumerate(questions):
        condition = q.get("condition")
        if condition and not set(condition["options"]) & set(picked.get(condition["question"], [])):
            continue
        kind, answer = q["kind"], {"question": n, "choices": None, "value": None, "text": None}
        if kind == "single_choice":
            answer["choices"] = picked[n] = [0]
        elif kind == "multiple_choice":
            answer["choices"] = picked[n] = list(range(q.get("min_picks") or 1))
        elif kind == "scale":
            answer["value"] = 4
        elif kind == "number":
            answer["value"] = q.get("min") or 0
        else:
            answer["text"] = "好"
        answers.append(answer)
    return answers


def _bearer(case) -> str:
    for name, value in (case.headers or {}).items():
        if name.lower() == "authorization" and isinstance(value, str):
            return value.removeprefix("Bearer ").strip()
    return os.environ.get("HAPPYHOME_RESIDENT_TOKEN", "")


DEMO_CLIENT = {"client_id": "hhc_demo_binjiang", "client_secret": "happyhome-demo-client-secret"}
DEMO_CLIENT_SCOPES = {
    "areas:read", "needs:read", "needs:write", "residents:write", "resources:read", "programs:read", "notifications:read", "topics:read"
}


def _as_the_demo_client(body: dict) -> None:
    """A positive token request as the demo client (api/src/demo/clients.rs): its id and secret,
    and a scope it was granted (none: all of them). Generated extra fields are dropped."""
    for key in [k for k in body if k not in ("grant_type", "scope", "client_id", "client_secret")]:
        del body[key]
    body.update(DEMO_CLIENT, grant_type="client_credentials")
    scope = body.get("scope")
    if not isinstance(scope, str) or not set(scope.split()) <= DEMO_CLIENT_SCOPES:
        body["scope"] = None


def _a_fresh_client() -> int | None:
    """A client registered for the case (rotating or revoking it leaves the demo clients alone)."""
    token = os.environ.get("HAPPYHOME_ADMIN_TOKEN") or _Server.sign_in("admin").get("access_token")
    body = {"name": f"轮换测试应用 {next(_sent)}", "area_id": 3, "scopes": ["needs:read"]}
    response = requests.post(f"{_Server.base_url}/api/v1/integration-clients", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return response.json()["client"]["id"] if response.ok else None


def _a_logged_delivery():
    """A delivery in the log of a webhook of the platform admin's, so a replay reaches a 2xx: a test
    ping queued to an endpoint that subscribes to one rare event (so the run's other events do not
    pile up behind it) and that is registered afresh when the run has switched the last one off."""
    token = os.environ.get("HAPPYHOME_ADMIN_TOKEN") or _Server.sign_in("admin").get("access_token")
    headers = {"Authorization": f"Bearer {token}"}
    base = f"{_Server.base_url}/api/v1/webhooks"
    hook = _Server.webhook
    if hook is not None:
        current = requests.get(f"{base}/{hook}", headers=headers, timeout=30)
        if not current.ok or not current.json().get("active"):
            hook = None
    if hook is None:
        body = {"url": "http://127.0.0.1:9/replayed", "secret": "schemathesis-signing-secret", "events": ["kpi_report.replaced"]}
        created = requests.post(base, json=body, headers=headers, timeout=30)
        if not created.ok:
            return None
        hook = _Server.webhook = created.json()["id"]
    ping = requests.post(f"{base}/{hook}/test", headers=headers, timeout=30)
    return (hook, ping.json()["id"]) if ping.ok else None


def _demo_client_token(scope: str):
    """A token of the demo client with `scope`, or None."""
    form = {"grant_type": "client_credentials", "scope": scope, **DEMO_CLIENT}
    response = requests.post(f"{_Server.base_url}/api/v1/oauth/token", data=form, timeout=30)
    return response.json().get("access_token") if response.ok else None


def _as_the_binding_client(case) -> None:
    """Bindings belong to a client, and the run sends them with the demo client's token
    (schemathesis.toml; a header set here would be overridden by the run's own). A new binding gets a
    fresh number and user id in 缤纷社区 (area 5) with no code (the client verified the number); an
    unbind gets a binding of its own to remove."""
    token = os.environ.get("HAPPYHOME_CLIENT_TOKEN") or _demo_client_token("residents:write")
    if not token:
        return
    fresh = {"external_id": f"o-hook-{os.getpid()}-{next(_sent)}", "phone": _fresh_number(), "community_id": 5}
    method = case.operation.method.upper()
    if method == "POST" and isinstance(case.body, dict):
        case.body.clear()
        case.body.update(fresh)
    elif method == "DELETE":
        made = requests.post(
            f"{_Server.base_url}/api/v1/resident-bindings", json=fresh, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )
        if made.ok:
            case.path_parameters = {**(case.path_parameters or {}), "id": made.json()["id"]}


def _placed_order():
    """A new order of the demo resident (item 1) and its pick-up code, when none is reserved."""
    token = os.environ.get("HAPPYHOME_RESIDENT_TOKEN", "")
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": f"hook-order-{next(_sent)}"}
    response = requests.post(f"{_Server.base_url}/api/v1/shop/orders", json={"item_id": 1, "quantity": 1}, headers=headers, timeout=30)
    return (response.json()["id"], response.json()["pickup_code"]) if response.ok else None


def _reserved_order():
    """The newest reserved points-shop order of the demo resident and its pick-up code, read from
    the server's database (the code is never in an answer to anyone but the resident), or None."""
    db = os.environ.get("HAPPYHOME_DB")
    if not db:
        return None
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT id, open_code FROM shop_orders WHERE status = 'reserved' AND open_code IS NOT NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()


def _an_offer_to_the_resident():
    """A new offer of one minute from the demo volunteer to the demo resident, the run's receiver
    of hours: its id, or None. Answering it is the resident's."""
    with _Server.lock:
        token = _Server.tokens.get("volunteer")
        if token is None:
            token = _Server.tokens["volunteer"] = _Server.sign_in("volunteer").get("access_token", "")
    made = requests.post(
        f"{_Server.base_url}/api/v1/time-bank/gifts",
        json={"receiver_id": DEMO_RESIDENT, "minutes": 1, "note": "钩子赠送"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    return made.json()["id"] if made.ok else None


def _an_offer_from_the_resident():
    """A new offer of one minute from the demo resident to the demo volunteer: its id, or None.
    Withdrawing it is the resident's."""
    made = requests.post(
        f"{_Server.base_url}/api/v1/time-bank/gifts",
        json={"receiver_id": 7, "minutes": 1, "note": "钩子赠送"},
        headers=_as("HAPPYHOME_RESIDENT_TOKEN"),
        timeout=30,
    )
    return made.json()["id"] if made.ok else None


def _as(token_env: str) -> dict:
    return {"Authorization": f"Bearer {os.environ.get(token_env, '')}"}


def _running_activity(starts_in_minutes: int = -5):
    """A new open activity of 缤纷社区 (area 5) the platform admin organises, running now (or
    starting later), with the demo resident signed up: (activity id, sign-up id), or None."""
    now = datetime.datetime.now(datetime.timezone.utc)
    starts = now + datetime.timedelta(minutes=starts_in_minutes)
    body = {"area_id": 5, "title": f"钩子活动 {next(_sent)}", "address": "缤纷社区党群服务中心", "capacity": 50, "credit_minutes": 60,
            "starts_at": starts.isoformat(), "ends_at": (starts + datetime.timedelta(hours=2)).isoformat()}
    base = f"{_Server.base_url}/api/v1/activities"
    made = requests.post(base, json=body, headers=_as("HAPPYHOME_ADMIN_TOKEN"), timeout=30)
    if not made.ok:
        return None
    activity = made.json()["id"]
    requests.post(f"{base}/{activity}/actions", json={"action": "publish"}, headers=_as("HAPPYHOME_ADMIN_TOKEN"), timeout=30)
    signed = requests.post(f"{base}/{activity}/signups", headers=_as("HAPPYHOME_RESIDENT_TOKEN"), timeout=30)
    return (activity, signed.json()["id"]) if signed.ok else None


def _an_activity_body(body: dict) -> None:
    """An activity in 缤纷社区 that ends after it starts, within a week, crediting at most its length,
    at an address (generated space and provider ids seldom name one serving the community)."""
    body["area_id"] = 5
    body["space_id"] = None
    body["provider_id"] = None
    if not (isinstance(body.get("address"), str) and body["address"].strip()):
        body["address"] = "缤纷社区党群服务中心"
    try:
        start = datetime.datetime.fromisoformat(str(body.get("starts_at")).replace("Z", "+00:00"))
    except ValueError:
        start = datetime.datetime.now(datetime.timezone.utc)
    if start.tzinfo is None:
        start = start.replace(tzinfo=datetime.timezone.utc)
    hours = 3
    body["starts_at"] = start.isoformat()
    body["ends_at"] = (start + datetime.timedelta(hours=hours)).isoformat()
    if isinstance(body.get("credit_minutes"), int) and body["credit_minutes"] > hours * 60:
        body["credit_minutes"] = hours * 60


def _rising_thresholds(body: dict) -> None:
    """Five positive, strictly rising star-level thresholds (JSON Schema cannot say rising)."""
    hours = body.get("min_hours")
    if isinstance(hours, list) and len(hours) == 5 and all(isinstance(h, int) for h in hours):
        fixed, last = [], 0
        for h in sorted(hours):
            last = max(h, last + 1)
            fixed.append(last)
        body["min_hours"] = fixed


def _real_rows_and_codes(case) -> None:
    """Real partners, codes and throwaway accounts for positive cases (see the module's docstring)."""
    path, body = case.operation.path, case.body if isinstance(case.body, dict) else None
    if path == "/api/v1/programs/{id}/pledges" and body is not None:
        partners = _partners_of((case.path_parameters or {}).get("id"))
        if partners and body.get("partner_id") not in partners:
            body["partner_id"] = partners[next(_sent) % len(partners)]
    elif path == "/api/v1/oauth/token" and body is not None:
        _as_the_demo_client(body)
    elif path in ("/api/v1/resident-bindings", "/api/v1/resident-bindings/{id}"):
        _as_the_binding_client(case)
    elif path in ("/api/v1/integration-clients/{id}/rotate-secret", "/api/v1/integration-clients/{id}/revoke"):
        fresh = _a_fresh_client()
        if fresh:
            if case.path_parameters is None:
                case.path_parameters = {}
            case.path_parameters["id"] = fresh
    elif path == "/api/v1/webhooks/{id}/deliveries/{delivery_id}/replay":
        logged = _a_logged_delivery()
        if logged:
            if case.path_parameters is None:
                case.path_parameters = {}
            case.path_parameters["id"], case.path_parameters["delivery_id"] = logged
    elif path == "/api/v1/kpis/values" and body is not None:
        # `replaces` names the current report of the same indicator, area and period, a stored row no
        # generated integer hits; values are reported for periods that have begun.
        body["replaces"] = None
        period, year = body.get("period"), str(datetime.date.today().year)
        if isinstance(period, str) and period[:4] > year:
            body["period"] = year
    elif path in ("/api/v1/programs", "/api/v1/programs/{id}", "/api/v1/matching/gaps/programs") and body is not None:
        start, end = body.get("start_date"), body.get("end_date")
        # ISO dates compare as text.
        if isinstance(start, str) and isinstance(end, str) and end < start:
            body["start_date"], body["end_date"] = end, start
        # A change of one end alone is checked against the stored other end, which the case does
        # not know: it changes both or neither.
        if case.operation.method.upper() == "PATCH" and (start is None) != (end is None):
            body.pop("start_date", None)
            body.pop("end_date", None)
    elif path == "/api/v1/programs/{id}/pledges/{pledge_id}/deliveries" and body is not None:
        params = case.path_parameters or {}
        kind = _pledge_kinds(params.get("id")).get(params.get("pledge_id"))
        if kind:
            _counted_as_pledged(case, kind)
    elif path == "/api/v1/topics/{id}/meetings/{meeting_id}/decision" and body is not None:
        params = case.path_parameters or {}
        invited = _invited(params.get("id"), params.get("meeting_id"))
        if invited:
            _within_the_meeting(body, invited)
    elif path in ("/api/v1/activities", "/api/v1/activities/{id}") and body is not None:
        _an_activity_body(body)
    elif path == "/api/v1/star-levels/{area_id}" and body is not None:
        _rising_thresholds(body)
        case.path_parameters = {**(case.path_parameters or {}), "area_id": 3}
    elif path == "/api/v1/activities/{id}/signups" and case.operation.method.upper() == "POST":
        # The demo resident is signed up for the demo's open activities already: a new one to join.
        made = _running_activity(starts_in_minutes=60 * 24)
        if made:
            requests.post(f"{_Server.base_url}/api/v1/activities/{made[0]}/signups/{made[1]}/cancel", headers=_as("HAPPYHOME_RESIDENT_TOKEN"), timeout=30)
            case.path_parameters = {**(case.path_parameters or {}), "id": made[0]}
    elif path in ("/api/v1/activities/{id}/signups/{signup_id}/cancel", "/api/v1/activities/{id}/signups/{signup_id}/attendance", "/api/v1/activities/{id}/signups/{signup_id}/revoke"):
        made = _running_activity()
        if made:
            if case.path_parameters is None:
                case.path_parameters = {}
            case.path_parameters["id"], case.path_parameters["signup_id"] = made
            if path.endswith("/revoke"):
                # A credit to take back: the organiser checks the resident in and out.
                url = f"{_Server.base_url}/api/v1/activities/{made[0]}/signups/{made[1]}/attendance"
                for step in ("check_in", "check_out"):
                    requests.post(url, json={"step": step}, headers=_as("HAPPYHOME_ADMIN_TOKEN"), timeout=30)
    elif path == "/api/v1/activities/{id}/check-in" and body is not None:
        # The code of this minute, which only the staff on site see.
        made = _running_activity()
        if made:
            shown = requests.get(f"{_Server.base_url}/api/v1/activities/{made[0]}/code", headers=_as("HAPPYHOME_ADMIN_TOKEN"), timeout=30)
            if shown.ok:
                case.path_parameters = {**(case.path_parameters or {}), "id": made[0]}
                body["code"] = shown.json()["code"]
                body["step"] = "check_in"
    elif path == "/api/v1/time-bank/gifts/{id}/withdraw":
        # An offer the resident made and nobody has answered yet.
        offer = _an_offer_from_the_resident()
        if offer:
            case.path_parameters = {**(case.path_parameters or {}), "id": offer}
    elif path in ("/api/v1/time-bank/gifts/{id}", "/api/v1/time-bank/gifts/{id}/accept", "/api/v1/time-bank/gifts/{id}/decline"):
        # An offer still waiting for the resident's answer, so both answers reach a 2xx; the negative
        # phases still try every other id.
        offer = _an_offer_to_the_resident()
        if offer:
            if case.path_parameters is None:
                case.path_parameters = {}
            case.path_parameters["id"] = offer
    elif path == "/api/v1/time-bank/gifts" and body is not None:
        # To the demo volunteer, a minute or an hour: the resident's account holds little, and an
        # offer beyond it is the documented 422 on /minutes.
        body["receiver_id"] = 7
        if not isinstance(body.get("minutes"), int) or not 1 <= body["minutes"] <= 60:
            body["minutes"] = 1 + next(_sent) % 60
    elif path in ("/api/v1/shop/orders/{id}/fulfil", "/api/v1/shop/orders/{id}/cancel"):
        # A reserved order (and for hand-over its code), so both moves reach a 2xx; the coverage and
        # fuzzing phases' negative cases still try every other id and code.
        order = _reserved_order() or _placed_order()
        if order:
            # In place: the fuzzing phase keeps its own reference to the parameters it generated.
            if case.path_parameters is None:
                case.path_parameters = {}
            case.path_parameters["id"] = order[0]
            if body is not None and path.endswith("/fulfil"):
                body["code"] = order[1]
    elif path == "/api/v1/users" and case.operation.method.upper() == "POST" and body is not None:
        _a_home_for_the_role(body)
    elif path == "/api/v1/programs/{id}/spends" and body is not None:
        # Money is recorded once spent: a date generated in the future is moved to today.
        today = datetime.date.today().isoformat()
        if isinstance(body.get("spent_on"), str) and body["spent_on"] > today:
            body["spent_on"] = today
    elif path == "/api/v1/service-people" and body is not None:
        # A person's account must be a volunteer's or provider's within the person's area and not
        # yet anyone else's, which a generated id (or a demo one, after its first use) is not: new
        # people come without one. Providers are drawn from the demo's.
        body["user_id"] = None
        # Homed in a street or a community the demo has (the coverage phase sends 0 and the like).
        if body.get("area_id") not in (4, 5, 13, 14, 22, 23):
            body["area_id"] = 5
        if body.get("provider_id") is not None and not 1 <= body["provider_id"] <= 15:
            body["provider_id"] = None
    elif path == "/api/v1/surveys/{id}/results" and case.query and case.query.get("community_id") is not None:
        # A community's breakdown needs 5 responses: the open survey's come from 缤纷社区.
        case.query["community_id"] = 5
        case.path_parameters = {**(case.path_parameters or {}), "id": 1}
    elif path == "/api/v1/surveys/{id}/paper-responses" and body is not None:
        answers = _paper_answers((case.path_parameters or {}).get("id"))
        if answers is not None:
            # An anonymous paper questionnaire of 缤纷社区 with every shown question answered.
            body.update(resident_id=None, community_id=5, answers=answers)
    elif path == "/api/v1/auth/sms-sign-in" and body is not None:
        phone = _fresh_number()
        code = _code_for(phone, "sign_in")
        if code:
            body.update(phone=phone, code=code, community_id=5, grid_id=None)
    elif path == "/api/v1/me/phone" and body is not None:
        phone = _fresh_number()
        code = _code_for(phone, "change_phone", _bearer(case))
        if code:
            body.update(phone=phone, code=code)


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
    # A new area's place in the tree is fixed in every positive case, those about a header too: the
    # body is not what they test.
    body = case.body if isinstance(case.body, dict) else None
    meta = case.meta
    positive = meta is not None and str(meta.generation.mode.value) == "positive"
    if positive and body is not None and case.operation.path == "/api/v1/areas" and case.operation.method.upper() == "POST":
        _a_new_area(body)
    if not _positive_body_case(case):
        return
    _real_rows_and_codes(case)
    if case.operation.method.upper() != "POST":
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


if __name__ == "__main__":
    # `python -m schemathesis_hooks BASE_URL`: signs up a throwaway resident and prints their token.
    import sys

    _Server.base_url = sys.argv[1].rstrip("/")
    print(_new_resident_token() or "")


_REACHED_LOG = os.environ.get("HAPPYHOME_REACHED_LOG")
_reached: set = set()
_reached_lock = threading.Lock()


@schemathesis.hook
def after_call(context, case, response):
    """Each operation the first time it answers 2xx, one line in HAPPYHOME_REACHED_LOG: the run must
    reach every operation with a success, not only with refusals (scripts/reached_2xx.py checks)."""
    if not _REACHED_LOG or not 200 <= response.status_code < 300:
        return
    label = f"{case.operation.method.upper()} {case.operation.path}"
    with _reached_lock:
        if label in _reached:
            return
        _reached.add(label)
        with open(_REACHED_LOG, "a", encoding="utf-8") as log:
            log.write(label + "\n")
