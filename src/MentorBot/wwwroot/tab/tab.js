// The MentorBot tab in the browser. It signs in (Teams single sign-on, or the development sign-in outside Teams),
// loads each page's server-rendered view with the token, follows the Teams theme, and keeps the dashboard live.
// It holds no data of its own: every view comes from /tab/views/ and is authorised on the server.
import * as fluent from '/lib/fluentui/fluent-components.js';

const body = document.body;
const view = document.getElementById('view');
const devSignIn = body.dataset.devSignIn === 'true';
const params = new URLSearchParams(location.search);
const fluentHost = { registerCustomEventType() {}, addEventListener() {} };
let inTeams = false;
let refreshTimer;

fluent.beforeStart(fluentHost, 'web');
try { fluent.afterStarted(fluentHost, 'web'); } catch { /* only the Blazor-side events need more */ }

function setStatus(text) {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

function applyTheme(theme) {
  const name = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  // Fluent UI owns body[data-theme] (it sets "dark" or removes it), so the tab keeps its own theme in data-tab-theme.
  body.dataset.tabTheme = name;
  body.dataset.theme = name === 'default' ? 'light' : 'dark';
  try { fluentHost.theme?.setTeamsTheme?.(name !== 'default'); } catch { /* the page's own CSS still follows */ }
  try { fluentHost.theme?.setThemeMode?.(name === 'default' ? 'light' : 'dark'); } catch { }
}

async function startTeams() {
  if (!window.microsoftTeams || window.parent === window) return false;
  try {
    await Promise.race([
      microsoftTeams.app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('not in Teams')), 3000)),
    ]);
    const context = await microsoftTeams.app.getContext();
    applyTheme(context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    const sub = context.page?.subPageId;
    if (sub && body.dataset.page === 'dashboard' && !params.has('scope')) params.set('scope', sub);
    microsoftTeams.app.notifySuccess();
    return true;
  } catch {
    return false;
  }
}

// Teams caches the token and renews it when it is near expiry; after a 401 the page simply asks again, once.
async function token() {
  if (inTeams) return microsoftTeams.authentication.getAuthToken();
  return sessionStorage.getItem('mentorbot.devToken');
}

async function load(page, query, fresh = false) {
  const bearer = await token().catch(() => null);
  if (!bearer) {
    if (devSignIn && !inTeams) return showDevSignIn();
    view.innerHTML = '<main id="content"><h1>MentorBot</h1><p>Open MentorBot from Microsoft Teams to sign in.</p></main>';
    return;
  }

  const theme = body.dataset.tabTheme || 'default';
  const search = new URLSearchParams(query || '');
  search.set('theme', theme);
  let response;
  try {
    response = await fetch(`/tab/views/${page}?${search}`, { headers: { Authorization: `Bearer ${bearer}` } });
  } catch {
    view.innerHTML = '<main id="content"><h1>MentorBot</h1><p>MentorBot could not be reached. Check your connection, then reload the tab.</p></main>';
    return;
  }

  if (response.status === 401 && !fresh) {
    if (!inTeams) sessionStorage.removeItem('mentorbot.devToken');
    return load(page, query, true);
  }

  const type = response.headers.get('content-type') || '';
  if (type.includes('text/html')) {
    view.innerHTML = await response.text();
  } else {
    const problem = await response.json().catch(() => ({}));
    view.innerHTML = '<main id="content"><h1>MentorBot</h1><p></p></main>';
    view.querySelector('p').textContent = problem.detail || 'Something went wrong. Reload the tab to try again.';
    if (response.status === 503) {
      // Sign-in or the database is briefly unavailable: try again when the server says to.
      const wait = Number(response.headers.get('retry-after') || 15);
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => load(page, query), Math.min(Math.max(wait, 5), 120) * 1000);
      return;
    }
  }

  const shown = view.querySelector('.view');
  document.documentElement.lang = shown?.dataset.lang || 'en';
  document.title = `${view.querySelector('h1')?.textContent || 'MentorBot'} · MentorBot`;
  body.dataset.page = page;
  body.dataset.ready = 'true';
  clearTimeout(refreshTimer);
  const every = Number(shown?.dataset.refresh || 0);
  if (every > 0) {
    refreshTimer = setTimeout(() => { if (!document.hidden && body.dataset.page === page) load(page, query); }, every * 1000);
  }
}

function navigate(page, query) {
  const search = new URLSearchParams(query || '');
  search.delete('theme');
  const suffix = search.toString() ? `?${search}` : '';
  history.pushState({ page, query: suffix }, '', `/tab/${page}${suffix}`);
  return load(page, search);
}

async function showDevSignIn() {
  const people = await fetch('/tab/dev/people').then(r => r.json());
  view.innerHTML = `<main id="content" class="dev-sign-in"><h1>Development sign-in</h1>
    <p>Outside Teams, pick someone from the map to see the tab as they would. Production refuses to start with this on.</p>
    <form><label>Person <select name="person"></select></label> <button type="submit" class="button">Sign in</button></form></main>`;
  const select = view.querySelector('select');
  for (const person of people) {
    const option = document.createElement('option');
    option.value = person.id;
    option.textContent = `${person.name} (${person.role})`;
    select.append(option);
  }
  const wanted = params.get('as');
  if (wanted) select.value = wanted;
  view.querySelector('form').addEventListener('submit', async event => {
    event.preventDefault();
    await signInAs(select.value);
  });
  if (wanted && select.value === wanted) await signInAs(wanted);
}

async function signInAs(person) {
  const response = await fetch('/tab/dev/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person }) });
  if (!response.ok) return setStatus('That person could not be signed in.');
  sessionStorage.setItem('mentorbot.devToken', (await response.json()).token);
  params.delete('as');
  await load(body.dataset.page, viewQuery());
}

function viewQuery() {
  const query = new URLSearchParams(params);
  query.delete('as');
  query.delete('theme');
  return query;
}

view.addEventListener('click', event => {
  const link = event.target.closest('a[data-page-link], a[data-view-link]');
  if (!link || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  const url = new URL(link.getAttribute('href'), location.href);
  const page = link.dataset.pageLink || body.dataset.page;
  navigate(page, url.search);
});

view.addEventListener('submit', event => {
  const form = event.target.closest('form[data-view-form]');
  if (!form) return;
  event.preventDefault();
  const query = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (value) query.set(key, value);
  if (!query.has('unit')) query.set('unit', '');
  navigate(body.dataset.page, query);
});

window.addEventListener('popstate', () => {
  const page = location.pathname.split('/').pop() || 'map';
  load(page, new URLSearchParams(location.search));
});

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && view.querySelector('.view')?.dataset.refresh) load(body.dataset.page, viewQuery());
});

inTeams = await startTeams();
if (!inTeams) applyTheme(params.get('theme') || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default'));
await load(body.dataset.page, viewQuery());
