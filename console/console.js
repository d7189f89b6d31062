// The on-call clinician's console: the open alerts addressed to you (supervisors: all), live; one alert's detail
// with its timeline, the client's risk and safety plan; acknowledging; who is on call; the rota for supervisors.
// Only the risk service's public API, through the gateway, with the signed-in clinician's token.
import { Session } from './auth.js';
import { AlertStream } from './stream.js';

const API = '/api/risk';
const HERE = `${location.origin}${location.pathname.replace(/[^/]*$/, '')}`;
const $ = id => document.getElementById(id);

const state = {
  session: null,
  stream: null,
  alerts: new Map(), // alertId -> the alert as shown
  selected: null,
  audio: null,
  shifts: [],
};

// ---------- small pieces ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function waiting(since, until) {
  const end = until ? new Date(until).getTime() : Date.now();
  const seconds = Math.max(0, Math.floor((end - new Date(since).getTime()) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m}:${String(s).padStart(2, '0')}`;
}

function clock(instant) {
  return new Date(instant).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function words(text) {
  return (text || '').toLowerCase().replace(/_/g, ' ');
}

/** Calls the risk API; a problem (RFC 9457) becomes an Error carrying its detail. */
async function api(path, { method = 'GET', body } = {}) {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${state.session.accessToken}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (response.status === 204) return null;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(payload?.detail || payload?.title || `the server answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return payload;
}

function showProblem(error) {
  const problem = $('problem');
  problem.textContent = error ? error.message : '';
  problem.hidden = !error;
}

function announce(text) {
  const announcer = $('announcer');
  announcer.textContent = '';
  // A new text node, so that screen readers announce a repeat too.
  setTimeout(() => { announcer.textContent = text; }, 50);
}

// ---------- sound and flash ----------

function enableSound() {
  if (!state.audio) state.audio = new AudioContext();
  state.audio.resume();
  $('sound').setAttribute('aria-pressed', 'true');
  $('sound').textContent = 'Sound on';
  $('sound-hint').hidden = true;
  tone();
}

function tone() {
  const audio = state.audio;
  if (!audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  for (const [offset, frequency] of [[0, 880], [0.22, 660]]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.21);
  }
}

function flash() {
  const overlay = $('flash');
  overlay.onanimationend = () => overlay.classList.remove('on');
  overlay.classList.remove('on');
  void overlay.offsetWidth; // restarts the animation
  overlay.classList.add('on');
}

// ---------- alerts ----------

function isMine(alert) {
  return state.session.hasRole('supervisor') || alert.addressedTo === state.session.user.username;
}

function fromView(view, known) {
  return {
    ...known,
    ...view,
    informational: !isMine(view),
  };
}

function fromNotice(notice, known) {
  const status = notice.kind === 'ACKNOWLEDGED' ? 'ACKNOWLEDGED' : notice.kind === 'EXHAUSTED' ? 'EXHAUSTED' : 'OPEN';
  return {
    ...known,
    alertId: notice.alertId,
    clientId: notice.clientId,
    clientName: notice.clientName,
    clientPhone: notice.clientPhone,
    priority: notice.priority,
    riskLevel: notice.riskLevel,
    reason: notice.reason,
    tier: notice.tier,
    step: notice.step,
    addressedTo: notice.addressedTo,
    informational: notice.informational,
    status,
    raisedAt: notice.raisedAt,
    updatedAt: notice.at,
  };
}

function onNotice(notice) {
  if (!notice.alertId) {
    // Not an alert step: an emergency access somewhere in the clinic, told to supervisors.
    if (notice.kind === 'EMERGENCY_ACCESS') announce(`Emergency access: ${notice.reason}`);
    return;
  }
  const known = state.alerts.get(notice.alertId);
  const alert = fromNotice(notice, known);
  state.alerts.set(alert.alertId, alert);
  const news = alert.status === 'OPEN' && (!known || known.step !== alert.step || known.status !== 'OPEN');
  if (news) {
    if (!alert.informational) {
      tone();
      flash();
      announce(`New ${words(alert.priority)} alert: ${alert.clientName || 'a client'}, ${words(alert.riskLevel)} risk. ${alert.reason || ''}`);
    } else {
      announce(`For your information: an alert about ${alert.clientName || 'your client'} went to ${alert.addressedTo}.`);
    }
  } else if (known && known.status === 'OPEN' && alert.status !== 'OPEN') {
    announce(`The alert about ${alert.clientName || 'a client'} was ${words(alert.status)}.`);
  }
  renderAlerts(news ? alert.alertId : null);
  if (state.selected === alert.alertId) openDetail(alert.alertId, false);
}

async function loadOpenAlerts() {
  try {
    const views = await api('/alerts?status=OPEN');
    const open = new Set(views.map(v => v.alertId));
    for (const [id, alert] of state.alerts) {
      // What closed while the console was away leaves the list; what it closed itself stays, marked, until then.
      if (!open.has(id) && alert.status === 'OPEN') state.alerts.delete(id);
    }
    for (const view of views) state.alerts.set(view.alertId, fromView(view, state.alerts.get(view.alertId)));
    renderAlerts();
    await Promise.all(views.filter(v => !state.alerts.get(v.alertId).clientName).map(v => loadClientName(v.clientId)));
  } catch (error) {
    showProblem(error);
  }
}

async function loadClientName(clientId) {
  try {
    const client = await api(`/clients/${clientId}`);
    for (const alert of state.alerts.values()) {
      if (alert.clientId === clientId) {
        alert.clientName = alert.clientName || clientName(client);
        alert.clientPhone = alert.clientPhone || client.phone;
      }
    }
    renderAlerts();
  } catch {
    // The name stays out; the alert shows by its risk level and reason.
  }
}

function clientName(client) {
  const first = client.preferredName || client.firstName;
  return [first, client.lastName].filter(Boolean).join(' ');
}

function renderAlerts(fresh) {
  const list = $('alerts');
  const alerts = [...state.alerts.values()].sort((a, b) => new Date(b.raisedAt) - new Date(a.raisedAt));
  const open = alerts.filter(a => a.status === 'OPEN');
  $('alert-count').textContent = String(open.length);
  $('no-alerts').hidden = alerts.length > 0;
  const focused = document.activeElement?.closest?.('[data-alert-id]')?.dataset.alertId;
  const focusedAction = document.activeElement?.dataset?.action;
  list.replaceChildren(...alerts.map(alert => alertRow(alert, alert.alertId === fresh)));
  if (focused && focusedAction) list.querySelector(`[data-alert-id="${focused}"] [data-action="${focusedAction}"]`)?.focus();
}

function alertRow(alert, fresh) {
  const mine = !alert.informational;
  const open = alert.status === 'OPEN';
  return el('li', {
    class: `alert priority-${(alert.priority || '').toLowerCase()}${mine ? '' : ' informational'}${open ? '' : ' closed'}${fresh ? ' fresh' : ''}`,
    'data-alert-id': alert.alertId,
    'data-client-id': alert.clientId,
    'data-status': alert.status,
  },
  el('div', { class: 'alert-head' },
    el('span', { class: 'badge priority', text: alert.priority }),
    el('span', { class: 'badge risk', text: `${words(alert.riskLevel)} risk` }),
    mine ? null : el('span', { class: 'badge info', text: 'for information' }),
    open ? null : el('span', { class: 'badge status', 'data-role': 'status', text: words(alert.status) })),
  el('p', { class: 'alert-client', text: alert.clientName || 'Client' }),
  el('p', { class: 'alert-reason', text: alert.reason || '' }),
  el('dl', { class: 'facts' },
    el('dt', { text: 'Tier' }), el('dd', { text: `${words(alert.tier)} (step ${alert.step})` }),
    el('dt', { text: 'To' }), el('dd', { text: alert.addressedTo || '' }),
    open
      ? [el('dt', { text: 'Waiting' }), el('dd', { class: 'waiting', 'data-since': alert.raisedAt, text: waiting(alert.raisedAt) })]
      : [el('dt', { text: 'Waited' }), el('dd', { text: waiting(alert.raisedAt, alert.updatedAt) })]),
  el('div', { class: 'alert-actions' },
    el('button', { type: 'button', 'data-action': 'open', onclick: () => openDetail(alert.alertId, true),
      'aria-label': `Open the alert about ${alert.clientName || 'the client'}` }, 'Open'),
    open && (mine || state.session.hasRole('supervisor'))
      ? el('button', { type: 'button', class: 'primary', 'data-action': 'acknowledge', onclick: () => acknowledge(alert.alertId),
        'aria-label': `Acknowledge the alert about ${alert.clientName || 'the client'}` }, 'Acknowledge')
      : null));
}

async function acknowledge(alertId) {
  try {
    showProblem(null);
    const view = await api(`/alerts/${alertId}/acknowledgements`, { method: 'POST' });
    const known = state.alerts.get(alertId);
    state.alerts.set(alertId, fromView(view, known));
    announce(`Acknowledged: the alert about ${known?.clientName || 'the client'} is yours.`);
    renderAlerts();
    if (state.selected === alertId) openDetail(alertId, false);
  } catch (error) {
    showProblem(error);
  }
}

// ---------- one alert ----------

async function openDetail(alertId, focus) {
  state.selected = alertId;
  const section = $('detail');
  section.hidden = false;
  try {
    const detail = await api(`/alerts/${alertId}`);
    const alert = detail.alert;
    const [client, plan] = await Promise.all([
      api(`/clients/${alert.clientId}`).catch(() => null),
      api(`/clients/${alert.clientId}/safety-plan`).catch(error => (error.status === 404 ? null : { error })),
    ]);
    const known = state.alerts.get(alertId);
    const name = client ? clientName(client) : known?.clientName || 'Client';
    const phone = client?.phone || known?.clientPhone;
    $('detail-heading').textContent = `Alert: ${name}`;
    $('detail-body').replaceChildren(
      el('dl', { class: 'facts wide' },
        el('dt', { text: 'Status' }), el('dd', { 'data-role': 'detail-status', text: words(alert.status) }),
        el('dt', { text: 'Priority' }), el('dd', { text: words(alert.priority) }),
        el('dt', { text: 'Risk level' }), el('dd', { text: words(client?.riskLevel || alert.riskLevel) }),
        el('dt', { text: 'Reason' }), el('dd', { text: alert.reason || '' }),
        el('dt', { text: 'Phone' }), el('dd', {}, phone ? el('a', { href: `tel:${phone.replace(/[^+\d]/g, '')}`, text: phone }) : 'not known'),
        el('dt', { text: 'Tier' }), el('dd', { text: `${words(alert.tier)} (step ${alert.step}), to ${alert.addressedTo}` }),
        el('dt', { text: 'Raised' }), el('dd', { text: clock(alert.raisedAt) })),
      alert.status === 'OPEN' && (alert.addressedTo === state.session.user.username || state.session.hasRole('supervisor'))
        ? el('button', { type: 'button', class: 'primary', onclick: () => acknowledge(alertId) }, 'Acknowledge')
        : null,
      el('h3', { text: 'Timeline' }),
      el('ol', { class: 'timeline' }, detail.timeline.map(entry => el('li', {},
        el('time', { datetime: entry.at, text: clock(entry.at) }), ' ',
        el('strong', { text: words(entry.what) }),
        entry.tier ? ` ${words(entry.tier)}` : '',
        entry.who ? `: ${entry.who}` : '',
        entry.skipped?.length ? ` (skipped ${entry.skipped.map(words).join(', ')}: nobody on call)` : '',
        entry.detail ? ` (${entry.detail})` : ''))),
      el('h3', { text: 'Safety plan' }),
      safetyPlan(plan));
    if (focus) $('detail-heading').focus();
  } catch (error) {
    $('detail-body').replaceChildren(el('p', { class: 'problem', text: error.message }));
  }
}

const PLAN_SECTIONS = [
  ['warningSigns', 'Warning signs'],
  ['internalCopingStrategies', 'Internal coping strategies'],
  ['socialDistractions', 'People and places for distraction'],
  ['peopleToAskForHelp', 'People to ask for help'],
  ['professionalContacts', 'Professionals to contact'],
  ['environmentSafety', 'Making the environment safe'],
];

function safetyPlan(plan) {
  if (!plan) return el('p', { class: 'empty', text: 'No safety plan yet.' });
  if (plan.error) return el('p', { class: 'problem', text: plan.error.message });
  return el('div', { class: 'plan' },
    el('p', { class: 'meta', text: `Version ${plan.version}, by ${plan.revisedBy}, ${clock(plan.revisedAt)}` }),
    PLAN_SECTIONS.map(([key, title]) => el('section', {},
      el('h4', { text: title }),
      plan.sections?.[key]?.length ? el('ul', {}, plan.sections[key].map(item => el('li', { text: item }))) : el('p', { class: 'empty', text: 'nothing written' }))));
}

// ---------- on call and the rota ----------

async function loadOnCall() {
  try {
    const now = await api('/on-call/now');
    $('oncall-now').replaceChildren(...(now.length
      ? now.map(s => el('li', {}, el('strong', { text: words(s.tier) }), `: ${s.clinician}, until ${clock(s.endsAt)}`))
      : [el('li', { class: 'gap', text: 'Nobody is on call right now.' })]));
  } catch (error) {
    showProblem(error);
  }
  const from = new Date();
  const to = new Date(from.getTime() + 7 * 24 * 3600 * 1000);
  try {
    const rota = await api(`/on-call/shifts?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`);
    state.shifts = rota.shifts || [];
    $('shifts-missing').hidden = true;
    $('shifts').replaceChildren(...state.shifts.map(s => el('li', {},
      el('strong', { text: words(s.tier) }), ` ${s.clinician}: ${clock(s.startsAt)} to ${clock(s.endsAt)}`)));
    $('gaps').replaceChildren(...(rota.gaps || []).map(g => el('li', { class: 'gap' },
      el('strong', { text: `No ${words(g.tier)}` }), `: ${clock(g.from)} to ${clock(g.to)}`)));
    fillShiftSelects();
  } catch (error) {
    if (error.status === 404 || error.status === 405) {
      $('shifts-missing').hidden = false;
    } else {
      showProblem(error);
    }
  }
}

function fillShiftSelects() {
  for (const select of document.querySelectorAll('.shift-select')) {
    const chosen = select.value;
    select.replaceChildren(...state.shifts.map(s => el('option', { value: s.shiftId,
      text: `${words(s.tier)} ${s.clinician}, ${clock(s.startsAt)} to ${clock(s.endsAt)}` })));
    if (chosen) select.value = chosen;
  }
}

function rotaForm(id, request) {
  $(id).addEventListener('submit', async event => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      showProblem(null);
      const [path, body] = request(form);
      await api(path, { method: 'POST', body });
      event.target.reset();
      announce('The rota was changed.');
      await loadOnCall();
    } catch (error) {
      showProblem(error);
    }
  });
}

function instant(local) {
  return local ? new Date(local).toISOString() : undefined;
}

function wireRota() {
  rotaForm('add-shift', f => ['/on-call/shifts',
    { clinician: f.get('clinician'), tier: f.get('tier'), startsAt: instant(f.get('startsAt')), endsAt: instant(f.get('endsAt')) }]);
  rotaForm('end-shift', f => [`/on-call/shifts/${f.get('shiftId')}/end`, f.get('endsAt') ? { endsAt: instant(f.get('endsAt')) } : {}]);
  rotaForm('replace-shift', f => [`/on-call/shifts/${f.get('shiftId')}/replacement`, { clinician: f.get('clinician') }]);
  rotaForm('swap-shifts', f => ['/on-call/swaps', { shiftId: f.get('shiftId'), otherShiftId: f.get('otherShiftId') }]);
}

// ---------- connection ----------

function connectionState(name, detail) {
  const connection = $('connection');
  connection.dataset.state = name;
  connection.textContent = {
    connecting: 'Connecting…',
    live: 'Live',
    reconnecting: `Reconnecting${detail ? ` (${detail})` : ''}…`,
    offline: 'Not connected',
  }[name];
}

function startConsole() {
  const { session } = state;
  $('signed-out').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  $('sound').hidden = false;
  $('who').textContent = `${session.user.name}${session.hasRole('supervisor') ? ' (supervisor: all alerts)' : ''}`;
  $('rota').hidden = !session.hasRole('supervisor');
  state.stream = new AlertStream(`${API}/alerts/stream`, () => session.accessToken, {
    onState: connectionState,
    onEvent: onNotice,
    // On every (re)connect the list is reloaded too: the replay may not reach back far enough.
    onOpen: () => { loadOpenAlerts(); loadOnCall(); },
  });
  session.onRefresh = () => state.stream.reconnect();
  session.onExpired = error => {
    state.stream.stop();
    connectionState('offline');
    signedOut(`Your session ended (${error.message}); sign in again.`);
  };
  state.stream.start();
  addEventListener('offline', () => state.stream.drop('the network is down'));
  addEventListener('online', () => state.stream.reconnect());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && $('connection').dataset.state !== 'live') state.stream.reconnect();
  });
  setInterval(() => {
    for (const cell of document.querySelectorAll('.waiting[data-since]')) cell.textContent = waiting(cell.dataset.since);
  }, 1000);
  setInterval(loadOnCall, 60_000);
}

function signedOut(message) {
  $('console').hidden = true;
  $('sign-out').hidden = true;
  $('signed-out').hidden = false;
  if (message) $('signed-out-message').textContent = message;
}

async function main() {
  $('sound').addEventListener('click', enableSound);
  wireRota();
  let config;
  try {
    config = await (await fetch('config.json', { cache: 'no-store' })).json();
  } catch {
    signedOut('The console could not load its configuration (config.json) from the gateway.');
    $('sign-in').disabled = true;
    return;
  }
  state.session = new Session(config, HERE);
  $('sign-in').addEventListener('click', () => state.session.signIn());
  $('sign-out').addEventListener('click', () => state.session.signOut(`${HERE}?signed-out`));
  try {
    if (await state.session.completeSignIn()) {
      startConsole();
      return;
    }
  } catch (error) {
    signedOut(error.message);
    return;
  }
  if (new URLSearchParams(location.search).has('signed-out')) {
    signedOut('You are signed out.');
  } else {
    // Straight to Keycloak: after a reload its session signs the clinician in again without a form.
    state.session.signIn();
  }
}

main();
