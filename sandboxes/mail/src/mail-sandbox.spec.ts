import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { startMailSandbox, type MailSandbox } from './index';

describe('mail sandbox', () => {
  let sandbox: MailSandbox;

  beforeAll(async () => {
    sandbox = await startMailSandbox({ smtpPort: 0, httpPort: 0 });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  beforeEach(async () => {
    expect((await fetch(`${sandbox.httpUrl}/api/messages`, { method: 'DELETE' })).status).toBe(204);
  });

  function transport(auth?: { user: string; pass: string }) {
    return nodemailer.createTransport({ host: '127.0.0.1', port: sandbox.smtpPort, secure: false, ignoreTLS: true, auth });
  }

  it('captures a message with To, Cc, Bcc and a PDF attachment, byte for byte', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024), Buffer.from('\n%%EOF\n')]);
    const info = await transport({ user: 'obolus', pass: 'anything' }).sendMail({
      from: 'Obolus Billing <billing@obolus.example>',
      to: 'Ana Pop <ana@client.example>',
      cc: 'accounting@client.example',
      bcc: 'archive@obolus.example',
      subject: 'Factura OBL-2026-0042',
      text: 'Găsiți atașată factura.',
      html: '<p>Găsiți atașată <b>factura</b>.</p>',
      attachments: [{ filename: 'OBL-2026-0042.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    expect(info.accepted).toHaveLength(3);

    const list = (await (await fetch(`${sandbox.httpUrl}/api/messages`)).json()) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(1);
    const summary = list[0] as {
      id: string;
      envelope: { from: string; to: string[] };
      subject: string;
      from: unknown[];
      to: unknown[];
      cc: unknown[];
      text: string;
      attachments: unknown[];
    };
    expect(summary.envelope.from).toBe('billing@obolus.example');
    expect([...summary.envelope.to].sort()).toEqual([
      'accounting@client.example',
      'ana@client.example',
      'archive@obolus.example',
    ]);
    expect(summary.subject).toBe('Factura OBL-2026-0042');
    expect(summary.from).toEqual([{ name: 'Obolus Billing', address: 'billing@obolus.example' }]);
    expect(summary.to).toEqual([{ name: 'Ana Pop', address: 'ana@client.example' }]);
    expect(summary.cc).toEqual([{ name: '', address: 'accounting@client.example' }]);
    expect(summary.text.trim()).toBe('Găsiți atașată factura.');
    expect(summary.attachments).toEqual([
      { index: 0, filename: 'OBL-2026-0042.pdf', contentType: 'application/pdf', size: pdf.length },
    ]);
    expect(summary).not.toHaveProperty('html');

    const detail = (await (await fetch(`${sandbox.httpUrl}/api/messages/${summary.id}`)).json()) as { html: string };
    expect(detail.html).toContain('<b>factura</b>');

    const download = await fetch(`${sandbox.httpUrl}/api/messages/${summary.id}/attachments/0`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('filename="OBL-2026-0042.pdf"');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await fetch(`${sandbox.httpUrl}/api/messages/${summary.id}/attachments/1`)).status).toBe(404);

    const captured = sandbox.messages()[0];
    expect(captured.attachments[0].content.equals(pdf)).toBe(true);
  });

  it('accepts mail without authentication and lets a test wait for it', async () => {
    const arriving = sandbox.waitFor((m) => m.subject === 'Trial ending', 5000);
    await transport().sendMail({
      from: 'noreply@obolus.example',
      to: 'owner@client.example',
      subject: 'Trial ending',
      text: 'Three days left.',
    });
    const message = await arriving;
    expect(message.envelope.to).toEqual(['owner@client.example']);
    await expect(sandbox.waitFor((m) => m.subject === 'never sent', 50)).rejects.toThrow(/no matching message/);
  });

  it('shows messages newest first in a phone-friendly viewer that escapes what it shows', async () => {
    const mail = transport();
    await mail.sendMail({ from: 'a@obolus.example', to: 'b@client.example', subject: 'First', text: 'one' });
    await mail.sendMail({
      from: 'a@obolus.example',
      to: 'b@client.example',
      subject: '<script>alert(1)</script>',
      html: '<p onclick="x()">Hi & "bye"</p><script>alert(2)</script>',
    });
    const listPage = await fetch(`${sandbox.httpUrl}/`);
    expect(listPage.headers.get('content-type')).toContain('text/html');
    const listHtml = await listPage.text();
    expect(listHtml).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(listHtml).not.toContain('<script>');
    expect(listHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(listHtml.indexOf('&lt;script&gt;')).toBeLessThan(listHtml.indexOf('First'));
    expect(listHtml).not.toMatch(/<link|src="http/);

    const [newest] = sandbox.messages();
    const messageHtml = await (await fetch(`${sandbox.httpUrl}/messages/${newest.id}`)).text();
    expect(messageHtml).not.toContain('<script>');
    expect(messageHtml).toContain(
      '<iframe sandbox title="HTML part" srcdoc="&lt;p onclick=&quot;x()&quot;&gt;Hi &amp; &quot;bye&quot;&lt;/p&gt;&lt;script&gt;',
    );
  });

  it('accepts a resend with the same Message-ID and shows it once', async () => {
    const mail = transport();
    const sent = { from: 'billing@obolus.example', to: 'owner@client.example', subject: 'Facture FR-2026-000001', text: 'x' };
    const messageId = '<5b0d8e4e-3f7a-4c1e-9b8a-2f1d6c0e7a11@notifications.obolus>';
    const first = await mail.sendMail({ ...sent, messageId });
    const again = await mail.sendMail({ ...sent, messageId });
    expect(first.accepted).toEqual(['owner@client.example']);
    expect(again.accepted).toEqual(['owner@client.example']);
    await mail.sendMail({ ...sent, messageId: '<another@notifications.obolus>' });
    const list = (await (await fetch(`${sandbox.httpUrl}/api/messages`)).json()) as { messageId: string }[];
    expect(list.map((m) => m.messageId).sort()).toEqual(['<another@notifications.obolus>', messageId].sort());
    expect((await (await fetch(`${sandbox.httpUrl}/`)).text()).match(/Facture FR-2026-000001/g)).toHaveLength(2);
  });

  it('answers 404 for unknown messages and empties on DELETE', async () => {
    await transport().sendMail({ from: 'a@obolus.example', to: 'b@client.example', subject: 'x', text: 'x' });
    expect((await fetch(`${sandbox.httpUrl}/api/messages/nope`)).status).toBe(404);
    expect((await fetch(`${sandbox.httpUrl}/api/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${sandbox.httpUrl}/api/messages`)).json()).toEqual([]);
  });
});
