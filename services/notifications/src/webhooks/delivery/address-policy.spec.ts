import { checkWebhookUrl, isPublicAddress } from './address-policy';

const production = { allowHttpLoopback: false };
const development = { allowHttpLoopback: true };
const refusal = (url: string, policy = production) => {
  const checked = checkWebhookUrl(url, policy);
  return 'refused' in checked ? checked.refused : undefined;
};

describe('webhook address policy', () => {
  it.each([
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['10.0.0.1', 'RFC 1918'],
    ['172.16.5.4', 'RFC 1918'],
    ['192.168.1.10', 'RFC 1918'],
    ['127.0.0.1', 'loopback'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'cloud metadata (unique local)'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
  ])('%s is not public (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses metadata, private and loopback literals in production, [::1] included', () => {
    expect(refusal('https://169.254.169.254/latest/meta-data')).toMatch(/private, loopback, link-local/);
    expect(refusal('https://10.0.0.1/hook')).toMatch(/10\.0\.0\.1/);
    expect(refusal('https://[::1]:8443/hook')).toMatch(/::1/);
    expect(refusal('http://[::1]:8080/hook')).toBe('must be an https URL');
    expect(refusal('https://[::ffff:a00:1]/hook')).toMatch(/private/);
  });

  it('lets the development flag through to loopback literals only, over http or https', () => {
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', development)).toMatchObject({ address: '127.0.0.1' });
    expect(checkWebhookUrl('http://[::1]:9000/hook', development)).toMatchObject({ address: '::1' });
    expect(refusal('http://localhost:9000/hook', development)).toMatch(/http is allowed to 127\.0\.0\.1 and \[::1\] only/);
    expect(refusal('https://10.0.0.1/hook', development)).toMatch(/10\.0\.0\.1/);
    expect(refusal('https://169.254.169.254/', development)).toMatch(/169\.254\.169\.254/);
  });

  it('refuses what is not a plain https URL', () => {
    expect(refusal('not a url')).toMatch(/absolute URL/);
    expect(refusal('ftp://example.com/x')).toBe('must be an https URL');
    expect(refusal('https://user:pass@example.com/x')).toMatch(/user name or password/);
    expect(refusal('https://example.com/x#frag')).toMatch(/fragment/);
    expect(refusal('https://metadata.google.internal/x')).toMatch(/local host name/);
    const checked = checkWebhookUrl('https://crm.example.com/obolus/webhooks', production);
    expect('refused' in checked ? checked.refused : checked.url.href).toBe('https://crm.example.com/obolus/webhooks');
    expect((checked as { address?: string }).address).toBeUndefined();
  });
});
