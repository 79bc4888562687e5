import { nameBasedUuid } from './ids';

describe('nameBasedUuid', () => {
  it('gives the same id for the same name, so a retried charge sends Stripe the same request', () => {
    const draft = 'f2ddc0bc-e11e-476a-9bf8-8fbeeb891e0f';
    expect(nameBasedUuid('payment-for-draft', draft)).toBe(nameBasedUuid('payment-for-draft', draft));
  });

  it('differs by name and by namespace', () => {
    const ids = new Set([
      nameBasedUuid('payment-for-draft', 'a'),
      nameBasedUuid('payment-for-draft', 'b'),
      nameBasedUuid('delivery-for-event', 'a'),
    ]);
    expect(ids.size).toBe(3);
  });

  it('is a well-formed version 5 UUID', () => {
    expect(nameBasedUuid('x', 'y')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
