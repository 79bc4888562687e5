import { MessageStore, type CapturedMessage } from './messages';

const message = (id: string, messageId: string | null, subject = 'Factura OBRO-2026-000001'): CapturedMessage => ({
  id,
  receivedAt: '2026-11-27T10:00:00.000Z',
  envelope: { from: 'billing@obolus.example', to: ['owner@client.example'] },
  messageId,
  from: [],
  to: [],
  cc: [],
  subject,
  text: '',
  html: null,
  attachments: [],
  raw: Buffer.from(''),
});

describe('the message store', () => {
  it('keeps a message once, whatever the number of times it arrives with the same Message-ID', () => {
    const store = new MessageStore();
    expect(store.add(message('a', '<d1@notifications.obolus>'))).toBe(true);
    expect(store.add(message('b', '<d1@notifications.obolus>'))).toBe(false);
    expect(store.add(message('c', '<d2@notifications.obolus>'))).toBe(true);
    expect(store.list().map((m) => m.id)).toEqual(['c', 'a']);
  });

  it('keeps every message that has no Message-ID', () => {
    const store = new MessageStore();
    store.add(message('a', null));
    store.add(message('b', null));
    expect(store.list()).toHaveLength(2);
  });

  it('stores a Message-ID again once the store was emptied', () => {
    const store = new MessageStore();
    store.add(message('a', '<d1@notifications.obolus>'));
    store.clear();
    expect(store.add(message('b', '<d1@notifications.obolus>'))).toBe(true);
  });
});
