import { nameSimilarity, nameTokens, namesAreClose } from './normalize-name';

describe('payer names', () => {
  it('drops case, diacritics (comma and cedilla alike), punctuation and legal forms', () => {
    expect(nameTokens('SC Ștefănescu Țesătorie S.R.L.')).toEqual(['stefanescu', 'tesatorie']);
    expect(nameTokens('Ştefănescu Ţesătorie SRL')).toEqual(['stefanescu', 'tesatorie']);
    expect(nameTokens('DUPONT & FILS SARL')).toEqual(['dupont', 'fils']);
    expect(nameTokens('Dupont et Fils')).toEqual(['dupont', 'fils']);
    expect(nameTokens('Cofetăria Dulce Ţară SRL-D')).toEqual(['cofetaria', 'dulce', 'tara']);
    expect(nameTokens('Acme Ltd')).toEqual(['acme']);
    expect(nameTokens('S.A.')).toEqual([]);
  });

  it('finds the same party whatever the bank did to the name', () => {
    expect(namesAreClose('Ştefănescu Ţesătorie SRL', 'ȘTEFĂNESCU ȚESĂTORIE S.R.L.')).toBe(true);
    expect(namesAreClose('Brânzeturi Munteanu S.R.L.', 'SC BRANZETURI MUNTEANU SRL')).toBe(true);
    expect(namesAreClose('Martin Conseil SAS', 'M. MARTIN CONSEIL S.A.S.')).toBe(true);
    expect(namesAreClose('Popescu Ion', 'ION POPESCU')).toBe(true);
    // Banks cut long names.
    expect(namesAreClose('Alfa Software Solutions SRL', 'ALFA SOFTW')).toBe(true);
  });

  it('tells different parties apart', () => {
    expect(namesAreClose('Martin Conseil SAS', 'Garage Bernard')).toBe(false);
    expect(namesAreClose('Dupont & Fils', 'Durand Fils Transports Routiers')).toBe(false);
    expect(namesAreClose('SRL', 'SRL')).toBe(false);
    // Two shared words of three do not make the same payer when the distinctive one differs.
    expect(namesAreClose('Cabinet Dentaire Martin', 'CABINET DENTAIRE DURAND')).toBe(false);
    expect(namesAreClose('Alfa', 'Alfa Beta Gamma Delta')).toBe(false);
    expect(nameSimilarity('Alfa', 'Alfa Beta Gamma Delta')).toBeLessThan(0.5);
  });
});
