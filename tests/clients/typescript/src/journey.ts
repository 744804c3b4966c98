// The mini-program journey, driven by a client generated from the committed spec
// (openapi/openapi.json → src/api.d.ts by openapi-typescript; calls through openapi-fetch). It is what
// a third party's backend does: its client token, a code sent to the user and typed in, a binding,
// a resident token by token exchange (RFC 8693), a need submitted for the resident, the community's
// staff and the volunteer doing their part, the notifications each party receives, and the rating.
//
// BASE_URL names a server with demo data; HAPPYHOME_DB its SQLite file, whose development outbox
// holds the code "sent" to the user's phone (read with python3, as the schemathesis hooks do).
import { execFileSync } from "node:child_process";
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type NeedDetail = components["schemas"]["NeedDetail"];
type NeedActionRequest = components["schemas"]["NeedActionRequest"];
type TokenRequest = components["schemas"]["TokenRequest"];

const base = process.env.BASE_URL ?? "http://127.0.0.1:8080";
const api = createClient<paths>({ baseUrl: base });
const DEMO_CLIENT = { client_id: "hhc_demo_binjiang", client_secret: "happyhome-demo-client-secret" };
const COMMUNITY = 5; // 缤纷社区 in the demo data

function check(ok: boolean, what: string, detail?: unknown): asserts ok {
    if (!ok) {
        throw new Error(`${what}${detail === undefined ? "" : `: ${JSON.stringify(detail)}`}`);
    }
    console.log(`  ok  ${what}`);
}

function bearer(token: string) {
    return { headers: { Authorization: `Bearer ${token}` } };
}

/** The token endpoint takes a form (RFC 6749 §4.4, RFC 8693 §2.1). */
async function token(form: TokenRequest): Promise<string> {
    const { data, error, response } = await api.POST("/api/v1/oauth/token", {
        body: form,
        bodySerializer: (b) => new URLSearchParams(Object.entries(b).filter(([, v]) => v != null) as [string, string][]),
        headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    check(data !== undefined, `token (${form.grant_type})`, error ?? response.status);
    return data.access_token;
}

async function signIn(username: string): Promise<string> {
    const { data, error } = await api.POST("/api/v1/auth/login", { body: { username, password: "happyhome-demo" } });
    check(data !== undefined, `${username} signs in`, error);
    return data.access_token;
}

function codeFromOutbox(phone: string): string {
    const db = process.env.HAPPYHOME_DB;
    check(db !== undefined, "HAPPYHOME_DB names the server's database");
    const script = "import re,sqlite3,sys\n"
        + "row = sqlite3.connect(sys.argv[1]).execute('SELECT body FROM sms_outbox WHERE phone = ? ORDER BY id DESC', (sys.argv[2],)).fetchone()\n"
        + "print(re.search(r'\\d{6}', row[0]).group(0) if row else '')";
    return execFileSync("python3", ["-c", script, db, phone]).toString().trim();
}

async function act(who: string, tokenOf: string, id: number, body: NeedActionRequest): Promise<NeedDetail> {
    const { data, error } = await api.POST("/api/v1/needs/{id}/actions", { params: { path: { id } }, body, ...bearer(tokenOf) });
    check(data !== undefined, `${who}: ${body.action}`, error);
    return data;
}

/** The kinds of the notifications `tokenOf` holds about need `id`, oldest first. */
async function told(tokenOf: string, id: number): Promise<string[]> {
    const { data, error } = await api.GET("/api/v1/me/notifications", { params: { query: { limit: 200 } }, ...bearer(tokenOf) });
    check(data !== undefined, "the inbox reads", error);
    return data.items.filter((n) => n.subject.kind === "need" && n.subject.id === id).map((n) => n.kind).reverse();
}

function same(a: string[], b: string[]): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

async function journey(): Promise<void> {
    const client = await token({ grant_type: "client_credentials", scope: "residents:write needs:read needs:write", ...DEMO_CLIENT });

    // The backend has us text a code; its user types it in; the backend binds them with it.
    const phone = `137${String(Date.now()).slice(-8)}`;
    const externalId = `o-typescript-${Date.now()}`;
    const sent = await api.POST("/api/v1/auth/sms-codes", { body: { phone } });
    check(sent.response.status === 202, "a code is sent", sent.error);
    const code = codeFromOutbox(phone);
    check(/^\d{6}$/.test(code), "the code is in the outbox");
    const bound = await api.POST("/api/v1/resident-bindings", {
        body: { external_id: externalId, phone, code, community_id: COMMUNITY, display_name: "小程序居民" },
        ...bearer(client),
    });
    check(bound.data?.resident_created === true, "the user is bound to a new resident", bound.error);

    const resident = await token({
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: externalId,
        subject_token_type: "urn:happyhome:params:oauth:token-type:external-id",
        actor_token: client,
        actor_token_type: "urn:ietf:params:oauth:token-type:access_token",
    });
    const me = await api.GET("/api/v1/me", bearer(resident));
    check(me.data?.user.role === "resident" && me.data.user.id === bound.data.resident_id, "the exchanged token is the resident's", me.error);

    const submitted = await api.POST("/api/v1/needs", {
        body: {
            category: "elderly_care", text: "家中老人需要助浴服务", area_id: COMMUNITY, urgency: "normal", channel: "mini_program",
            address: "缤纷小区3幢2单元501室", contact_name: "小程序居民", contact_phone: phone, tags: [],
        },
        ...bearer(resident),
    });
    check(submitted.data !== undefined, "the resident submits a need", submitted.error);
    const id = submitted.data.need.id;

    const [staff, volunteer] = [await signIn("community"), await signIn("volunteer")];
    const volunteerMe = await api.GET("/api/v1/me", bearer(volunteer));
    check(volunteerMe.data !== undefined, "the volunteer reads who they are", volunteerMe.error);
    check((await told(staff, id)).includes("need_submitted"), "the community's staff hear of the new need");

    await act("staff", staff, id, { action: "accept" });
    await act("staff", staff, id, { action: "dispatch", assignee_id: volunteerMe.data.user.id });
    check(same(await told(volunteer, id), ["need_assigned"]), "the volunteer hears of the dispatch");
    await act("volunteer", volunteer, id, { action: "claim" });
    await act("volunteer", volunteer, id, { action: "resolve", note: "已上门助浴" });
    const heard = await told(resident, id);
    check(same(heard, ["need_accepted", "need_dispatched", "need_resolved"]), "the resident heard each step", heard);

    const rated = await act("resident", resident, id, { action: "rate", rating: 5, note: "很及时" });
    check(rated.need.status === "rated", "the resident's rating closes the need", rated.need.status);
    const unread = await api.GET("/api/v1/me/notifications/unread-count", bearer(resident));
    check(unread.data?.unread === 3, "three unread notifications", unread.data);
}

journey().then(
    () => console.log("the TypeScript client ran the mini-program journey"),
    (e: unknown) => {
        console.error(e instanceof Error ? e.message : e);
        process.exit(1);
    },
);
