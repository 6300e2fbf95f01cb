import { describe, expect, it } from 'vitest';
import { emailValid, orgNumberValid } from './validate';

describe('association record checks', () => {
  it('knows each country’s organisation number', () => {
    expect(orgNumberValid('DK', '29 87 65 43')).toBe(true);
    expect(orgNumberValid('DK', '2987654')).toBe(false);
    expect(orgNumberValid('NO', '923 456 789')).toBe(true);
    expect(orgNumberValid('NO', '92345678')).toBe(false);
    expect(orgNumberValid('SE', '769600-1234')).toBe(true);
    expect(orgNumberValid('SE', '16769600-1234')).toBe(true);
    expect(orgNumberValid('SE', '76960-1234')).toBe(false);
    expect(orgNumberValid('DK', 'abcdefgh')).toBe(false);
    expect(orgNumberValid('DK', '')).toBe(true);
  });

  it('checks e-mail addresses like andel-core does', () => {
    expect(emailValid('bestyrelsen@kastanjegaarden.dk')).toBe(true);
    expect(emailValid('')).toBe(true);
    expect(emailValid('not an address')).toBe(false);
    expect(emailValid('a@b')).toBe(false);
    expect(emailValid('@b.dk')).toBe(false);
    expect(emailValid('a b@c.dk')).toBe(false);
    expect(emailValid('a@.dk')).toBe(false);
  });
});
