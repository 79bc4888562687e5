import fc from 'fast-check';
import { BankStatementError } from '../bank-statement-error';
import { findPaymentReferences, formatPaymentReference, isValidPaymentReference, newPaymentReference } from './iso11649';

describe('ISO 11649 payment references', () => {
  it('accepts published examples and refuses a wrong check digit', () => {
    // Examples from the ISO 11649 standard and the EPC's guidance on it.
    expect(isValidPaymentReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidPaymentReference('RF45G72UUR')).toBe(true);
    expect(isValidPaymentReference('rf18539007547034')).toBe(true);
    expect(isValidPaymentReference('RF19 5390 0754 7034')).toBe(false);
    expect(isValidPaymentReference('RF18 5390 0754 7035')).toBe(false);
  });

  it('refuses what is not an RF reference at all', () => {
    for (const text of ['', 'RF', 'RF18', 'RF1A539007547034', 'XX18539007547034', 'RF18-5390-0754', `RF18${'1'.repeat(22)}`]) {
      expect(isValidPaymentReference(text)).toBe(false);
    }
  });

  it('makes a valid reference from a proforma number, the same each time', () => {
    expect(newPaymentReference('PF-2026/000123')).toBe('RF92PF2026000123');
    expect(newPaymentReference('pf2026000123')).toBe('RF92PF2026000123');
    expect(newPaymentReference('RO2026000042')).toBe('RF88RO2026000042');
    expect(formatPaymentReference('RF92PF2026000123')).toBe('RF92 PF20 2600 0123');
  });

  it('gives valid references for any body, with check digits from 02 to 98', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,21}$/), (body) => {
        const reference = newPaymentReference(body);
        expect(isValidPaymentReference(reference)).toBe(true);
        const check = Number(reference.slice(2, 4));
        expect(check).toBeGreaterThanOrEqual(2);
        expect(check).toBeLessThanOrEqual(98);
        // Changing one character of the body for another of its kind (digit for digit, letter for letter) breaks the check digits.
        const last = reference.at(-1) ?? '';
        const other = /\d/.test(last)
          ? String((Number(last) + 1) % 10)
          : last === 'Z'
            ? 'A'
            : String.fromCharCode(last.charCodeAt(0) + 1);
        expect(isValidPaymentReference(reference.slice(0, -1) + other)).toBe(false);
      }),
    );
  });

  it('refuses a seed that would need cutting, or has nothing to keep', () => {
    expect(() => newPaymentReference('A'.repeat(22))).toThrow(BankStatementError);
    expect(() => newPaymentReference('--/')).toThrow(expect.objectContaining({ code: 'PAYMENT_REFERENCE_INVALID' }));
  });

  describe('findPaymentReferences', () => {
    it('finds references typed with spaces, in lower case, among other words', () => {
      expect(findPaymentReferences('Acompte proforma rf92 pf20 2600 0123 merci')).toEqual(['RF92PF2026000123']);
      expect(findPaymentReferences('Plată proformă RF88RO2026000042 abonament anual')).toEqual(['RF88RO2026000042']);
      expect(findPaymentReferences('ref:RF18 5390 0754 7034/fact. 12')).toEqual(['RF18539007547034']);
    });

    it('finds several references, each once', () => {
      expect(findPaymentReferences('RF92PF2026000123 and RF88RO2026000042, again RF92 PF20 2600 0123')).toEqual([
        'RF92PF2026000123',
        'RF88RO2026000042',
      ]);
    });

    it('ignores references with wrong check digits and RF inside a word', () => {
      expect(findPaymentReferences('Paiement RF93PF2026000123')).toEqual([]);
      expect(findPaymentReferences('SURF92PF2026000123')).toEqual([]);
      expect(findPaymentReferences('no reference here')).toEqual([]);
    });

    it('keeps every valid reading when a following word could belong to the reference', () => {
      const found = findPaymentReferences('RF18 5390 0754 7034 PAID');
      expect(found).toContain('RF18539007547034');
      for (const reference of found) expect(isValidPaymentReference(reference)).toBe(true);
    });
  });
});
