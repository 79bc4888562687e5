import type { Order } from '@obolus/paypal';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}label{display:block;margin:.6rem 0}input{width:100%}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * What PayPal shows the payer behind the approve link: log in (any e-mail; the test e-mails in the README
 * make the capture decline) and pay, or cancel. The form posts back to the same path.
 */
export function approvalPage(order: Order): string {
  const unit = order.purchase_units[0];
  const email = order.payment_source?.paypal?.email_address ?? 'buyer@example.com';
  return page(
    'Obolus PayPal sandbox: approve the payment',
    `<h1>Pay with PayPal (sandbox)</h1>
<p>Order <code id="order-id">${escape(order.id)}</code>: <strong id="amount">${escape(unit.amount.value)} ${escape(unit.amount.currency_code)}</strong>${unit.description ? ` for ${escape(unit.description)}` : ''}.</p>
<form method="post" action="/checkoutnow">
<input type="hidden" name="token" value="${escape(order.id)}">
<label>PayPal e-mail <input type="email" name="email" value="${escape(email)}" required></label>
<label>First name <input name="given_name" value="Sandbox"></label>
<label>Last name <input name="surname" value="Buyer"></label>
<button type="submit" name="action" value="approve">Agree and pay</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel and return</button>
</form>`,
  );
}

/** Shown instead of a redirect when the order named no return or cancel URL, or cannot be approved. */
export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escape(title)}</h1>\n<p>${escape(message)}</p>`);
}
