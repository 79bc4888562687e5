import { NotificationsError } from '../notifications.errors';
import { classifyDeliveryFailure, retryDelayMs } from './delivery-failure';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.response ?? 'failed')), fields);

describe('classifying a failed delivery', () => {
  it('gives up on an SMTP 5xx reply that refuses the recipient or the message', () => {
    expect(
      classifyDeliveryFailure(
        smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <nobody@client.example>: mailbox unavailable' }),
      ),
    ).toEqual({ permanent: true, reason: 'EENVELOPE: 550 5.1.1 <nobody@client.example>: mailbox unavailable' });
    expect(classifyDeliveryFailure(smtpError({ code: 'EMESSAGE', responseCode: 552, response: '552 too big' })).permanent).toBe(
      true,
    );
  });

  it('retries a 4xx reply, a refused login, a refused connection, a timeout and anything unknown', () => {
    expect(
      classifyDeliveryFailure(smtpError({ code: 'EENVELOPE', responseCode: 451, response: '451 try later' })).permanent,
    ).toBe(false);
    expect(
      classifyDeliveryFailure(smtpError({ code: 'EAUTH', responseCode: 535, response: '535 bad credentials' })).permanent,
    ).toBe(false);
    const refused = classifyDeliveryFailure(smtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:1025' }));
    expect(refused).toEqual({ permanent: false, reason: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:1025' });
    expect(classifyDeliveryFailure(smtpError({ code: 'ETIMEDOUT', message: 'Connection timeout' })).permanent).toBe(false);
    expect(classifyDeliveryFailure(new Error('something odd')).permanent).toBe(false);
    expect(classifyDeliveryFailure(undefined).permanent).toBe(false);
  });

  it('follows what the document source said about its own failures', () => {
    expect(classifyDeliveryFailure(NotificationsError.invoiceNotFound('1'))).toEqual({
      permanent: true,
      reason: 'invoicing has no invoice 1',
    });
    expect(classifyDeliveryFailure(NotificationsError.invoicingUnavailable('invoicing answered 503'))).toEqual({
      permanent: false,
      reason: 'invoicing answered 503',
    });
  });

  it('gives up on a template that cannot render, for good', () => {
    expect(classifyDeliveryFailure(NotificationsError.templateNotFound('newsletter'))).toEqual({
      permanent: true,
      reason: "no template is named 'newsletter'",
    });
  });
});

describe('the wait between tries', () => {
  it('doubles from one second up to the cap, and stays there however long it takes', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempts) => retryDelayMs(attempts, 30_000))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
    expect(retryDelayMs(10_000, 30_000)).toBe(30_000);
    expect(retryDelayMs(0, 30_000)).toBe(1000);
  });
});
