import { LISTING_OVERLAP_MS, listingWindow } from './incoming-schedule';

describe('listingWindow', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('starts 59 days back the first time, and ends the lag short of now', () => {
    expect(listingWindow(null, now, 5 * 60_000)).toEqual({
      startTime: Date.parse('2026-09-29T12:00:00Z'),
      endTime: Date.parse('2026-11-27T11:55:00Z'),
    });
  });

  it('reaches back over the listing delay from where the last window ended, never past 59 days', () => {
    const last = new Date('2026-11-27T11:40:00Z');
    expect(listingWindow(last, now, 0)).toEqual({ startTime: last.getTime() - LISTING_OVERLAP_MS, endTime: now.getTime() });
    expect(listingWindow(new Date('2026-01-01T00:00:00Z'), now, 0).startTime).toBe(Date.parse('2026-09-29T12:00:00Z'));
  });
});
