import fc from 'fast-check';
import { parseCamt053 } from '../camt053/parse-camt053';
import { StatementEntry } from '../model';
import { newPaymentReference } from '../payment-reference/iso11649';
import { camtFixture } from '../test-support/camt-fixtures';
import { matchStatement, OpenProforma, TransactionOutcome } from './match-statement';

function entriesOf(fixture: string): StatementEntry[] {
  return parseCamt053(camtFixture(fixture)).statements.flatMap((s) => s.entries);
}

function proforma(id: string, amountMinor: number, currency: string, buyerName: string, alreadyPaidMinor = 0): OpenProforma {
  return { id, reference: newPaymentReference(id), amountMinor, currency, buyerName, alreadyPaidMinor };
}

let entrySeq = 0;
/** A booked credit with one transaction, as the parser would give it. */
function credit(
  amountMinor: number,
  currency: string,
  details: { payer?: string; text?: string[]; reference?: string } = {},
): StatementEntry {
  entrySeq += 1;
  const key = `ACC/S1/index:${entrySeq}`;
  return {
    key,
    keySource: 'index',
    statementId: 'S1',
    position: entrySeq,
    amountMinor,
    currency,
    direction: 'credit',
    reversal: false,
    status: 'BOOK',
    statusCode: 'BOOK',
    transactions: [
      {
        key: `${key}#1`,
        amountMinor,
        currency,
        direction: 'credit',
        ...(details.payer ? { debtor: { name: details.payer } } : {}),
        remittance: {
          unstructured: details.text ?? [],
          ...(details.reference ? { creditorReference: { value: details.reference, iso11649: true } } : {}),
        },
      },
    ],
  };
}

/** The outcomes without their keys, to read them as a table. */
function summary(outcomes: TransactionOutcome[]): unknown[] {
  return outcomes.map((o) => {
    if (o.outcome === 'matched')
      return [o.outcome, o.proformaId, o.rule, o.settlement, o.paidMinor, o.remainingDueMinor, o.surplusMinor];
    return [o.outcome, o.reason];
  });
}

describe('matchStatement', () => {
  it('matches the French statement: by structured and typed reference, by amount and name; ignores debit and pending', () => {
    const proformas = [
      { ...proforma('FR2026000007', 118800, 'EUR', 'Dupont et Fils SARL'), reference: 'RF72 FR20 2600 0007' },
      proforma('PF2026000123', 120000, 'EUR', 'Atelier Lefèvre'),
      proforma('PF2026000124', 25000, 'EUR', 'Martin Conseil'),
      proforma('PF2026000200', 48000, 'EUR', 'Martin Conseil SAS'),
    ];
    const { outcomes, proformas: balances } = matchStatement(entriesOf('fr-bnp-eur.camt053.001.02.xml'), proformas);
    expect(summary(outcomes)).toEqual([
      ['matched', 'FR2026000007', 'reference', 'exact', 118800, 0, 0],
      ['matched', 'PF2026000123', 'reference', 'partial', 60000, 60000, 0],
      ['ignored', 'debit'],
      ['ignored', 'not-booked'],
      ['unmatched', 'no-candidate'],
      ['matched', 'PF2026000200', 'amount-and-name', 'exact', 48000, 0, 0],
    ]);
    expect(outcomes[0]).toMatchObject({ reference: 'RF72FR2026000007', dueBeforeMinor: 118800, currency: 'EUR' });
    expect(outcomes[1]).toMatchObject({ reference: 'RF92PF2026000123' });
    expect(outcomes[4]).toMatchObject({ references: ['RF18UNKNOWN1'], candidateProformaIds: [], amountMinor: 9900 });
    expect((outcomes[4] as { detail: string }).detail).toContain('RF18UNKNOWN1 names no open proforma');
    expect(balances).toEqual([
      { proformaId: 'FR2026000007', paidMinor: 118800, dueMinor: 0 },
      { proformaId: 'PF2026000123', paidMinor: 60000, dueMinor: 60000 },
      { proformaId: 'PF2026000124', paidMinor: 0, dueMinor: 25000 },
      { proformaId: 'PF2026000200', paidMinor: 48000, dueMinor: 0 },
    ]);
  });

  it('matches the Romanian statement: diacritics either way, the name telling apart two proformas of the same amount', () => {
    const proformas = [
      proforma('RO2026000042', 238000, 'RON', 'Ştefănescu Ţesătorie SRL'),
      proforma('RO2026000043', 119000, 'RON', 'Cofetăria Dulce Țară'),
      proforma('RO2026000044', 119000, 'RON', 'Brânzeturi Munteanu S.R.L.'),
    ];
    const { outcomes, proformas: balances } = matchStatement(entriesOf('ro-bt-ron.camt053.001.04.xml'), proformas);
    expect(summary(outcomes)).toEqual([
      ['matched', 'RO2026000042', 'reference', 'exact', 238000, 0, 0],
      ['matched', 'RO2026000044', 'amount-and-name', 'exact', 119000, 0, 0],
      ['matched', 'RO2026000043', 'reference', 'partial', 50000, 69000, 0],
      ['ignored', 'debit'],
    ]);
    expect(balances.find((b) => b.proformaId === 'RO2026000043')).toEqual({
      proformaId: 'RO2026000043',
      paidMinor: 50000,
      dueMinor: 69000,
    });
  });

  it('matches each transaction of a batch on its own, records an excess, and leaves look-alike payments to staff', () => {
    const proformas = [
      proforma('PF2026000125', 100000, 'EUR', 'Boulangerie Petit'),
      proforma('CAB2026', 150000, 'EUR', 'Cabinet Roux Avocats'),
      proforma('PF2026000124', 77600, 'EUR', 'Studio Haddad'),
      { ...proforma('FR2026000007', 118800, 'EUR', 'Dupont et Fils') },
      proforma('MOREAU1', 5900, 'EUR', 'Fleurs Moreau'),
      proforma('MOREAU2', 5900, 'EUR', 'FLEURS MOREAU SARL'),
      proforma('CASH', 2000, 'EUR', 'Someone'),
    ];
    const { outcomes, proformas: balances } = matchStatement(entriesOf('fr-sg-eur.camt053.001.08.xml'), proformas);
    expect(summary(outcomes)).toEqual([
      ['matched', 'PF2026000125', 'reference', 'exact', 100000, 0, 0],
      ['matched', 'CAB2026', 'amount-and-name', 'exact', 150000, 0, 0],
      ['matched', 'PF2026000124', 'reference', 'exact', 77600, 0, 0],
      ['matched', 'FR2026000007', 'reference', 'excess', 130000, 0, 11200],
      ['unmatched', 'ambiguous-amount'],
      ['unmatched', 'ambiguous-amount'],
      ['unmatched', 'no-payer-name'],
      ['ignored', 'reversal'],
      ['ignored', 'not-booked'],
    ]);
    expect(outcomes[4]).toMatchObject({ candidateProformaIds: ['MOREAU1', 'MOREAU2'] });
    expect(outcomes[6]).toMatchObject({ candidateProformaIds: ['CASH'] });
    // The surplus stays recorded against the proforma: overpaid by 112.00, never rounded away.
    expect(balances.find((b) => b.proformaId === 'FR2026000007')).toEqual({
      proformaId: 'FR2026000007',
      paidMinor: 130000,
      dueMinor: -11200,
    });
  });

  it('gives the same outcomes and keys for a second upload of the same file, so recorded keys find it again', () => {
    const proformas = [
      proforma('PF2026000125', 100000, 'EUR', 'Boulangerie Petit'),
      proforma('CAB2026', 150000, 'EUR', 'Cabinet Roux'),
    ];
    const first = matchStatement(entriesOf('fr-sg-eur.camt053.001.08.xml'), proformas);
    const second = matchStatement(entriesOf('fr-sg-eur.camt053.001.08.xml'), proformas);
    expect(second).toEqual(first);
    const keys = first.outcomes.map((o) => o.transactionKey);
    expect(new Set(keys).size).toBe(keys.length);
    // What the caller does on the second upload: drop transactions already recorded; nothing is left to match.
    const recorded = new Set(first.outcomes.filter((o) => o.outcome === 'matched').map((o) => o.transactionKey));
    const unrecorded = entriesOf('fr-sg-eur.camt053.001.08.xml')
      .map((e) => ({ ...e, transactions: e.transactions.filter((t) => !recorded.has(t.key)) }))
      .filter((e) => e.transactions.length > 0);
    expect(matchStatement(unrecorded, proformas).outcomes.filter((o) => o.outcome === 'matched')).toEqual([]);
  });

  it('leaves two open proformas of the same amount and buyer unmatched', () => {
    const proformas = [proforma('A', 99000, 'EUR', 'Alfa Soft SAS'), proforma('B', 99000, 'EUR', 'ALFA SOFT')];
    const { outcomes } = matchStatement([credit(99000, 'EUR', { payer: 'Alfa Soft' })], proformas);
    expect(outcomes[0]).toMatchObject({ outcome: 'unmatched', reason: 'ambiguous-amount', candidateProformaIds: ['A', 'B'] });
  });

  it('does not match on amount alone when the payer is someone else', () => {
    const { outcomes } = matchStatement(
      [credit(99000, 'EUR', { payer: 'Garage Bernard' })],
      [proforma('A', 99000, 'EUR', 'Alfa Soft SAS')],
    );
    expect(outcomes[0]).toMatchObject({ outcome: 'unmatched', reason: 'name-mismatch', candidateProformaIds: ['A'] });
  });

  it('refuses a match across currencies, by reference or by amount', () => {
    const ron = proforma('RO1', 50000, 'RON', 'Alfa Soft SRL');
    const byReference = credit(50000, 'EUR', { payer: 'Alfa Soft', reference: ron.reference });
    const byAmount = credit(50000, 'EUR', { payer: 'Alfa Soft' });
    const { outcomes, proformas } = matchStatement([byReference, byAmount], [ron]);
    expect(summary(outcomes)).toEqual([
      ['unmatched', 'currency-mismatch'],
      ['unmatched', 'currency-mismatch'],
    ]);
    expect(outcomes[0]).toMatchObject({ candidateProformaIds: ['RO1'], currency: 'EUR', amountMinor: 50000 });
    expect(proformas).toEqual([{ proformaId: 'RO1', paidMinor: 0, dueMinor: 50000 }]);
  });

  it('leaves a transfer naming several proformas to staff', () => {
    const a = proforma('A1', 1000, 'EUR', 'Alfa');
    const b = proforma('B1', 2000, 'EUR', 'Alfa');
    const { outcomes } = matchStatement([credit(3000, 'EUR', { text: [`${a.reference} + ${b.reference}`] })], [a, b]);
    expect(outcomes[0]).toMatchObject({
      outcome: 'unmatched',
      reason: 'several-proformas-referenced',
      candidateProformaIds: ['A1', 'B1'],
    });
  });

  it('matches a plain (non-RF) structured reference written on the proforma', () => {
    const plain: OpenProforma = {
      id: 'P',
      reference: 'PF-2026-77',
      amountMinor: 1000,
      currency: 'EUR',
      buyerName: 'X',
      alreadyPaidMinor: 0,
    };
    const { outcomes } = matchStatement([credit(1000, 'EUR', { reference: 'PF-2026-77' })], [plain]);
    expect(outcomes[0]).toMatchObject({ outcome: 'matched', proformaId: 'P', rule: 'reference', reference: 'PF-2026-77' });
  });

  it('counts what was paid before and earlier in the same statement', () => {
    const p = proforma('P1', 100000, 'EUR', 'Alfa Soft', 40000);
    const { outcomes, proformas } = matchStatement(
      [credit(60000, 'EUR', { payer: 'ALFA SOFT SRL' }), credit(10000, 'EUR', { payer: 'Alfa Soft', reference: p.reference })],
      [p],
    );
    expect(summary(outcomes)).toEqual([
      ['matched', 'P1', 'amount-and-name', 'exact', 60000, 0, 0],
      ['matched', 'P1', 'reference', 'excess', 10000, 0, 10000],
    ]);
    expect(outcomes[1]).toMatchObject({ dueBeforeMinor: 0 });
    expect(proformas).toEqual([{ proformaId: 'P1', paidMinor: 110000, dueMinor: -10000 }]);
  });

  it('finds the reference in the entry information when the bank sent no transaction details', () => {
    const p = proforma('PF9', 2500, 'EUR', 'Alfa');
    const entry = { ...credit(2500, 'EUR'), additionalInfo: `VIR SEPA ${p.reference.toLowerCase()} ALFA` };
    expect(matchStatement([entry], [p]).outcomes[0]).toMatchObject({ outcome: 'matched', proformaId: 'PF9', rule: 'reference' });
  });

  it('accounts for every minor unit: each transaction has one outcome, and paid = due settled + surplus', () => {
    const names = ['Alfa Soft SRL', 'ALFA SOFT', 'Beta Conseil SAS', 'Gamma Ltd', 'Ştefănescu Ţesătorie'];
    const arbitraryProforma = fc.record({
      id: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
      amountMinor: fc.constantFrom(1000, 2500, 2501, 10000),
      currency: fc.constantFrom('EUR', 'RON'),
      buyerName: fc.constantFrom(...names),
      alreadyPaidMinor: fc.constantFrom(0, 500, 2500),
    });
    const arbitraryCredit = fc
      .record({
        amountMinor: fc.constantFrom(1, 500, 1000, 2000, 2500, 2501, 9500, 10000),
        currency: fc.constantFrom('EUR', 'RON'),
        payer: fc.option(fc.constantFrom(...names), { nil: undefined }),
        cites: fc.option(fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P9'), { nil: undefined }),
      })
      .map(({ cites, ...rest }) =>
        credit(rest.amountMinor, rest.currency, {
          payer: rest.payer,
          text: cites ? [`plata ${newPaymentReference(cites)}`] : [],
        }),
      );
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryProforma, { selector: (p) => p.id }),
        fc.array(arbitraryCredit, { maxLength: 8 }),
        (raw, entries) => {
          const proformas = raw.map((p) => ({ ...p, reference: newPaymentReference(p.id) }));
          const result = matchStatement(entries, proformas);
          expect(result.outcomes.map((o) => o.transactionKey)).toEqual(entries.flatMap((e) => e.transactions.map((t) => t.key)));
          for (const o of result.outcomes) {
            if (o.outcome !== 'matched') continue;
            const settled = Math.max(o.dueBeforeMinor, 0) - o.remainingDueMinor;
            expect(settled + o.surplusMinor).toBe(o.paidMinor);
            expect(o.remainingDueMinor).toBeGreaterThanOrEqual(0);
            expect(o.surplusMinor).toBeGreaterThanOrEqual(0);
          }
          for (const p of proformas) {
            const matched = result.outcomes.filter((o) => o.outcome === 'matched' && o.proformaId === p.id);
            const paid = matched.reduce<number>(
              (sum, o) => sum + (o.outcome === 'matched' ? o.paidMinor : 0),
              p.alreadyPaidMinor,
            );
            expect(result.proformas.find((b) => b.proformaId === p.id)).toEqual({
              proformaId: p.id,
              paidMinor: paid,
              dueMinor: p.amountMinor - paid,
            });
          }
          expect(matchStatement(entries, proformas)).toEqual(result);
        },
      ),
    );
  });
});
