// The routes of the dashboard (web/src/app.rs) with real ids from the demo data, for the tests that
// visit every page: phones.mjs (390 px) and languages.mjs (no word of the other language).

import { BASE_URL, PASSWORD } from './helpers.mjs';

export async function api(path, token) {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
export const tokenOf = async (username) => {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (await res.json()).access_token;
};
export const items = (body) => (Array.isArray(body) ? body : body.items);
/** The first id a list endpoint returns; fails the run when the demo data has none. */
export async function firstId(path, token, key = 'id') {
  const list = items(await api(path, token));
  if (!list?.length) throw new Error(`the demo data has nothing at ${path}`);
  return list[0][key];
}

/** The first id of `path`, after creating one with `body` (as `token`) when the demo data has none. */
export async function firstOrNew(path, token, body) {
  const list = items(await api(path, token));
  if (list?.length) return list[0].id;
  const res = await fetch(`${BASE_URL}/api/v1${path.split('?')[0]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  const made = await res.json();
  return made.id ?? made.plan?.id ?? made.webhook?.id;
}

/** Every staff route, with ids from the demo data, as the platform admin sees them. */
export async function staffRoutes() {
  const admin = await tokenOf('admin');
  const need = await firstId('/needs?limit=1', admin);
  const program = await firstId('/programs?limit=1', admin);
  const provider = await firstId('/providers?limit=1', admin);
  const service = await firstId('/services?limit=1', admin);
  const person = await firstId('/service-people?limit=1', admin);
  const space = await firstId('/service-spaces?limit=1', admin);
  const district = await tokenOf('district');
  const home = (await api('/me', district)).area.id;
  const plan = await firstOrNew('/matching/plans?limit=1', district, { area_id: home });
  const indicator = await firstId('/kpis/indicators', admin, 'code');
  const area = await firstId('/areas/roots', admin);
  const client = await firstId('/integration-clients', admin);
  const webhook = await firstOrNew('/webhooks', admin, { url: 'https://example.org/happyhome/hooks', secret: 'phones-test-signing-key' });
  const topic = await firstId('/topics?limit=1', admin);
  const survey = await firstId('/surveys?limit=1&status=open', admin);
  const account = await firstId('/ledger/accounts?limit=1', admin);
  const activity = await firstId('/activities?limit=1', admin);
  const volunteer = (await api('/me', await tokenOf('volunteer'))).user.id;
  return [
    '/needs', `/needs/${need}`, '/tasks', '/overdue',
    '/matching/plans', `/matching/plans/${plan}`, '/matching/gaps',
    '/kpis', '/kpis/report', '/kpis/import', `/kpis/${indicator}`,
    '/areas', `/areas/${area}`, '/users', '/audit',
    '/admin/clients', `/admin/clients/${client}`, '/admin/webhooks', `/admin/webhooks/${webhook}`,
    '/residents', '/notifications', '/catalogue',
    '/programs', '/programs/new', '/programs/rollup', `/programs/${program}/edit`, `/programs/${program}`,
    '/resources',
    '/resources/providers/new', `/resources/providers/${provider}`,
    '/resources/services/new', `/resources/services/${service}`,
    '/resources/people/new', `/resources/people/${person}`,
    '/resources/spaces/new', `/resources/spaces/${space}`,
    '/topics', `/topics/${topic}`, '/surveys', '/surveys/new', `/surveys/${survey}`, `/surveys/${survey}/edit`,
    '/ledger', `/ledger/accounts/${account}`, '/ledger/rules', '/shop', '/shop/orders',
    '/activities', '/activities/new', `/activities/${activity}`, `/activities/${activity}/edit`,
    '/volunteers', `/volunteers/${volunteer}`, `/volunteers/${volunteer}/certificate`,
  ];
}

/** The sign-in pages and the public 阳光社区 pages, and a community id to filter them by. */
export async function signedOutRoutes() {
  const publicProgram = items(await api('/public/programs'))[0]?.id;
  if (!publicProgram) throw new Error('the demo data discloses no program');
  const community = (await api('/public/communities'))[0].id;
  const publicTopic = items(await api('/public/topics'))[0]?.id;
  if (!publicTopic) throw new Error('the demo data has no topic on public notice');
  const routes = [
    '/login', '/m/sign-in', '/public/programs', `/public/programs/${publicProgram}`, '/public/nearby', `/public/nearby?community=${community}`,
    '/public/topics', `/public/topics/${publicTopic}`, `/public/topics?community=${community}`,
  ];
  return { routes, community };
}

/** The demo resident's /m pages. */
export async function residentRoutes() {
  const resident = await tokenOf('resident');
  const topic = await firstId('/topics?limit=1', resident);
  const survey = await firstId('/surveys?status=open&limit=1', resident);
  return [
    '/m', '/m/needs', '/m/community', '/m/me', '/m/notifications', '/m/nearby',
    '/m/topics', '/m/topics/new', `/m/topics/${topic}`, '/m/surveys', `/m/surveys/${survey}`,
    '/m/points', '/m/shop', '/m/shop/orders',
  ];
}
