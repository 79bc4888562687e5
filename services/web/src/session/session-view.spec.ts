import { sessionViewOf, sessionViewOfPrincipal, tokenKind } from './session-view';

describe('sessionViewOf', () => {
  it("keeps of identity's /me only what the portal shows", () => {
    expect(
      sessionViewOf('customer', {
        userId: 'u1',
        accountId: 'a1',
        role: 'owner',
        email: 'ana@example.ro',
        displayName: null,
        language: 'ro',
        companyName: 'Atelier SRL',
        country: 'RO',
        catalog: 'ro-crm',
      }),
    ).toEqual({
      kind: 'customer',
      userId: 'u1',
      accountId: 'a1',
      role: 'owner',
      email: 'ana@example.ro',
      language: 'ro',
      companyName: 'Atelier SRL',
    });
  });

  it('reads a staff member from /staff/me', () => {
    expect(sessionViewOf('staff', { kind: 'staff', staffId: 's1', email: 'ops@obolus.example', roles: ['support'] })).toEqual({
      kind: 'staff',
      userId: 's1',
      email: 'ops@obolus.example',
      role: 'support',
    });
  });

  it('reads a verified principal where identity has no /me', () => {
    expect(
      sessionViewOfPrincipal({ kind: 'customer', userId: 'u1', accountId: 'a1', role: 'admin', email: 'e@x.fr', sessionId: 's' }),
    ).toEqual({ kind: 'customer', userId: 'u1', accountId: 'a1', role: 'admin', email: 'e@x.fr' });
  });
});

describe('tokenKind', () => {
  const jwt = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;
  it('picks the staff route for a staff token, the customer one otherwise', () => {
    expect(tokenKind(jwt({ kind: 'staff' }))).toBe('staff');
    expect(tokenKind(jwt({ kind: 'customer' }))).toBe('customer');
    expect(tokenKind('garbage')).toBe('customer');
  });
});
