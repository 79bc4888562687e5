import { rawMember } from './verify-signature';

describe('rawMember', () => {
  const json = `{ "a" : 1.50, "s":"x\\"}y", "webhook_event" :{"id":"WH-1","r":[1,{"k":"]}"}],"n":null} ,"z":true}`;

  it('finds a member as it was written, spacing and number forms kept', () => {
    expect(rawMember(json, 'webhook_event')).toBe('{"id":"WH-1","r":[1,{"k":"]}"}],"n":null}');
    expect(rawMember(json, 'a')).toBe('1.50');
    expect(rawMember(json, 's')).toBe('"x\\"}y"');
    expect(rawMember(json, 'z')).toBe('true');
  });

  it('is undefined for a member that is absent or only nested', () => {
    expect(rawMember(json, 'id')).toBeUndefined();
    expect(rawMember('{}', 'webhook_event')).toBeUndefined();
  });
});
