import { messageIdOf } from './message-id';

describe('the Message-ID of a delivery', () => {
  it('is the delivery id at the notifications domain, the same on every try', () => {
    const id = '5b0d8e4e-3f7a-4c1e-9b8a-2f1d6c0e7a11';
    expect(messageIdOf(id)).toBe('<5b0d8e4e-3f7a-4c1e-9b8a-2f1d6c0e7a11@notifications.obolus>');
    expect(messageIdOf(id.toUpperCase())).toBe(messageIdOf(id));
  });

  it('differs between deliveries', () => {
    expect(messageIdOf('5b0d8e4e-3f7a-4c1e-9b8a-2f1d6c0e7a11')).not.toBe(messageIdOf('5b0d8e4e-3f7a-4c1e-9b8a-2f1d6c0e7a12'));
  });

  it('refuses anything but a delivery id, which could break the header', () => {
    expect(() => messageIdOf('x>\r\nBcc: someone@example.com')).toThrow(/not a delivery id/);
  });
});
