import type { CapturedMessage, MailAddress } from './messages';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function people(list: MailAddress[]): string {
  return escapeHtml(list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', '));
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa}
header{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 16px;background:#24292f;color:#fff}
header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:960px;margin:0 auto;padding:12px}
ul{list-style:none;margin:0;padding:0}
li a{display:block;padding:12px;margin-bottom:8px;background:#fff;border:1px solid #d0d7de;border-radius:8px;color:inherit;text-decoration:none}
li a:hover{border-color:#0969da}
.subject{font-weight:600;overflow-wrap:anywhere}
.meta{color:#57606a;font-size:13px;overflow-wrap:anywhere}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px;margin-bottom:12px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}
dt{color:#57606a}dd{margin:0;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;font:13px/1.5 ui-monospace,monospace}
iframe{width:100%;min-height:60vh;border:1px solid #d0d7de;border-radius:8px;background:#fff}
button{font:inherit;padding:6px 12px;border-radius:6px;border:1px solid #d0d7de;background:#fff;cursor:pointer}
.empty{color:#57606a;text-align:center;padding:48px 0}
@media (max-width:600px){dl{grid-template-columns:1fr}dt{margin-top:6px}main{padding:8px}}
`;

function page(title: string, body: string, refresh: boolean): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? '<meta http-equiv="refresh" content="10">' : ''}
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header><a href="/">Obolus mail sandbox</a>
<form method="post" action="/clear"><button type="submit">Delete all</button></form></header>
<main>${body}</main></body></html>`;
}

export function renderList(messages: CapturedMessage[]): string {
  if (messages.length === 0) return page('Mail sandbox', '<p class="empty">No messages yet.</p>', true);
  const items = messages
    .map(
      (m) => `<li><a href="/messages/${encodeURIComponent(m.id)}">
<div class="subject">${escapeHtml(m.subject || '(no subject)')}</div>
<div class="meta">${people(m.from)} → ${escapeHtml(m.envelope.to.join(', '))}</div>
<div class="meta">${escapeHtml(m.receivedAt)}${m.attachments.length ? ` · ${m.attachments.length} attachment(s)` : ''}</div></a></li>`,
    )
    .join('\n');
  return page(`Mail sandbox (${messages.length})`, `<ul>${items}</ul>`, true);
}

export function renderMessage(m: CapturedMessage): string {
  const attachments = m.attachments
    .map(
      (a, i) =>
        `<li><a href="/api/messages/${encodeURIComponent(m.id)}/attachments/${i}">${escapeHtml(a.filename)}</a> <span class="meta">${escapeHtml(a.contentType)}, ${size(a.size)}</span></li>`,
    )
    .join('');
  // The HTML part runs in a sandboxed frame: no scripts, no forms, no access to this page.
  const body = m.html
    ? `<iframe sandbox title="HTML part" srcdoc="${escapeHtml(m.html)}"></iframe>${m.text ? `<details class="card"><summary>Text part</summary><pre>${escapeHtml(m.text)}</pre></details>` : ''}`
    : `<div class="card"><pre>${escapeHtml(m.text)}</pre></div>`;
  return page(
    m.subject || '(no subject)',
    `<div class="card"><h1 class="subject">${escapeHtml(m.subject || '(no subject)')}</h1><dl>
<dt>From</dt><dd>${people(m.from)}</dd>
<dt>To</dt><dd>${people(m.to)}</dd>
${m.cc.length ? `<dt>Cc</dt><dd>${people(m.cc)}</dd>` : ''}
<dt>Envelope</dt><dd>${escapeHtml(m.envelope.from ?? '')} → ${escapeHtml(m.envelope.to.join(', '))}</dd>
<dt>Received</dt><dd>${escapeHtml(m.receivedAt)}</dd>
</dl>${attachments ? `<ul>${attachments}</ul>` : ''}
<p class="meta"><a href="/api/messages/${encodeURIComponent(m.id)}/raw">Raw message</a></p></div>
${body}`,
    false,
  );
}
