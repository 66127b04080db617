import { bareMessageId, referenceIds, threadAncestors, threadSubject } from './mail-thread';

describe('mail threads', () => {
  it('strips reply and forward prefixes of several languages, repeatedly, and ignores case and spacing', () => {
    expect(threadSubject('Re: Offer for 200 drills')).toBe('offer for 200 drills');
    expect(threadSubject('RE: Fwd: AW:  Offer   for 200 drills ')).toBe('offer for 200 drills');
    expect(threadSubject('SV: Odp: Re[2]: Broken hinge')).toBe('broken hinge');
    expect(threadSubject('Reply needed')).toBe('reply needed');
    expect(threadSubject('Return of goods')).toBe('return of goods');
    expect(threadSubject(null)).toBe('');
  });

  it('reads message ids with or without angle brackets', () => {
    expect(bareMessageId(' <abc@example.com> ')).toBe('abc@example.com');
    expect(bareMessageId('abc@example.com')).toBe('abc@example.com');
    expect(bareMessageId('<>')).toBeNull();
    expect(bareMessageId(undefined)).toBeNull();
  });

  it('splits a References header into its ids, each once, oldest first', () => {
    expect(referenceIds('<a@x> <b@x>\r\n <c@x>')).toEqual(['a@x', 'b@x', 'c@x']);
    expect(referenceIds(['<a@x>', '<b@x>', '<a@x>'])).toEqual(['a@x', 'b@x']);
    expect(referenceIds(undefined)).toEqual([]);
  });

  it('looks for the thread nearest first: In-Reply-To, then the newest reference', () => {
    expect(threadAncestors('c@x', ['a@x', 'b@x', 'c@x'])).toEqual(['c@x', 'b@x', 'a@x']);
    expect(threadAncestors(null, ['a@x'])).toEqual(['a@x']);
  });
});
