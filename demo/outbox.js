// The dev outbox page: lists the messages a development server "sent" (GET /v1/dev/outbox).
// All message data is rendered with textContent.

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 4000;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

let filter = new URLSearchParams(location.search).get('email_address') ?? '';
let lastBody = '';

function messageItem(m) {
  const li = document.createElement('li');
  li.className = 'message';
  li.dataset.id = String(m.id ?? '');

  const subject = document.createElement('h2');
  subject.className = 'message-subject';
  subject.textContent = m.subject ?? '(no subject)';

  const meta = document.createElement('p');
  meta.className = 'message-meta';
  meta.textContent = `To ${m.to_email_address ?? '?'}`;
  if (typeof m.created_at === 'number') {
    const time = document.createElement('time');
    time.className = 'message-time';
    time.dateTime = new Date(m.created_at).toISOString();
    time.textContent = timeFormat.format(new Date(m.created_at));
    meta.append(' · ', time);
  }

  li.append(subject, meta);

  if (m.code) {
    const box = document.createElement('div');
    box.className = 'message-code';
    const code = document.createElement('output');
    code.className = 'outbox-code';
    code.textContent = m.code;
    code.setAttribute('aria-label', `Code ${String(m.code).split('').join(' ')}`);
    box.append(code);
    if (navigator.clipboard) {
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.className = 'button button--secondary button--small';
      copy.textContent = 'Copy';
      copy.setAttribute('aria-label', `Copy code ${m.code}`);
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(String(m.code));
          copy.textContent = 'Copied';
        } catch {
          copy.textContent = 'Copy failed';
        }
        setTimeout(() => (copy.textContent = 'Copy'), 1500);
      });
      box.append(copy);
    }
    li.append(box);
  }

  const body = document.createElement('pre');
  body.className = 'message-body';
  body.textContent = m.body ?? '';
  li.append(body);
  return li;
}

async function load() {
  const url = filter ? `/v1/dev/outbox?email_address=${encodeURIComponent(filter)}` : '/v1/dev/outbox';
  const error = $('outbox-error');
  try {
    const res = await fetch(url, { credentials: 'include', headers: { accept: 'application/json' } });
    const json = await res.json().catch(() => null);
    if (res.status === 404) throw new Error('The outbox exists only on development instances.');
    if (!res.ok) throw new Error(json?.errors?.[0]?.long_message ?? `The server answered ${res.status}.`);
    error.hidden = true;
    $('outbox-updated').textContent = `Updated ${clockFormat.format(new Date())}`;
    const text = JSON.stringify(json.data);
    // Re-render only when something changed, so focus and selection survive the polling.
    if (text === lastBody) return;
    lastBody = text;
    const data = Array.isArray(json.data) ? json.data : [];
    $('outbox-list').replaceChildren(...data.map(messageItem));
    $('outbox-empty').hidden = data.length > 0;
    const who = filter ? ` to ${filter}` : '';
    $('outbox-count').textContent = `${data.length} message${data.length === 1 ? '' : 's'}${who}`;
  } catch (e) {
    error.textContent = e instanceof Error && e.message !== 'Failed to fetch' ? e.message : 'Could not reach the server.';
    error.hidden = false;
  }
}

function applyFilter(next) {
  filter = next;
  lastBody = '';
  const url = new URL(location.href);
  if (filter) url.searchParams.set('email_address', filter);
  else url.searchParams.delete('email_address');
  history.replaceState(null, '', url);
  load();
}

$('outbox-email').value = filter;
$('outbox-filter').addEventListener('submit', (e) => {
  e.preventDefault();
  applyFilter($('outbox-email').value.trim());
});
$('outbox-all').addEventListener('click', () => {
  $('outbox-email').value = '';
  applyFilter('');
});

load();
setInterval(() => {
  if (document.visibilityState === 'visible') load();
}, REFRESH_MS);
