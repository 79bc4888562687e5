import { canonical, parseForm } from './form';

describe('parseForm', () => {
  it('reads bracket notation as the stripe SDK writes it', () => {
    const params = parseForm(
      'amount=1999&metadata[account_id]=acc%201&metadata[plan]=pro+monthly&expand[0]=latest_charge&expand[1]=customer&card[token]=tok_visa',
    );
    expect(params).toEqual({
      amount: '1999',
      metadata: { account_id: 'acc 1', plan: 'pro monthly' },
      expand: ['latest_charge', 'customer'],
      card: { token: 'tok_visa' },
    });
  });

  it('appends `key[]` values and keeps numeric metadata keys as keys', () => {
    expect(parseForm('expand[]=a&expand[]=b&metadata[0]=zero')).toEqual({ expand: ['a', 'b'], metadata: { '0': 'zero' } });
  });

  it('gives the same canonical text whatever the parameter order', () => {
    expect(canonical(parseForm('a=1&metadata[x]=1&metadata[y]=2'))).toBe(canonical(parseForm('metadata[y]=2&a=1&metadata[x]=1')));
    expect(canonical(parseForm('a=1'))).not.toBe(canonical(parseForm('a=2')));
  });
});
