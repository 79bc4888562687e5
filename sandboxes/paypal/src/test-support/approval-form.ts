/** What a browser does on the approval page: read the form, fill it in, press a button; redirects not followed. */
export async function submitApprovalForm(
  approvalUrl: string,
  fill: { email?: string; action?: 'approve' | 'cancel' } = {},
): Promise<{ page: string; response: Response }> {
  const page = await (await fetch(approvalUrl)).text();
  const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(page);
  if (!form) throw new Error(`no form on the approval page:\n${page}`);
  const fields = new URLSearchParams();
  for (const input of form[2].matchAll(/<input\b[^>]*\bname="([^"]+)"[^>]*\bvalue="([^"]*)"/g)) fields.set(input[1], input[2]);
  if (fill.email !== undefined) fields.set('email', fill.email);
  fields.set('action', fill.action ?? 'approve');
  const response = await fetch(new URL(form[1], approvalUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
  return { page, response };
}
