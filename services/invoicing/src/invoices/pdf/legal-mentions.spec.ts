import { LEGAL_MENTIONS } from '@obolus/vat';
import { legalMentions, MentionedDocument } from './legal-mentions';

const french = { address: { country: 'FR' } };
const romanian = { address: { country: 'RO' } };
const germanBusiness = { address: { country: 'DE' }, buyerType: 'business' as const, vatId: 'DE811907980' };
const frenchBusiness = { address: { country: 'FR' }, buyerType: 'business' as const, vatId: 'FR40303265045' };
const romanianBusiness = { address: { country: 'RO' }, buyerType: 'business' as const, companyId: '12448440' };
const frenchIndividual = { address: { country: 'FR' }, buyerType: 'individual' as const };

const doc = (over: Partial<MentionedDocument>): MentionedDocument => ({
  kind: 'invoice',
  locale: 'fr',
  seller: french,
  buyer: frenchBusiness,
  vatBreakdown: [{ vatCategory: 'S', vatRateBasisPoints: 2000 }],
  dueDate: '2026-12-22',
  ...over,
});

describe('legalMentions (I5)', () => {
  it("gives a French seller's business customer the due date, penalty rate, €40 indemnity and no early-payment discount", () => {
    const text = legalMentions(doc({})).join('\n');
    expect(text).toContain("Date d'échéance : 22/12/2026");
    expect(text).toContain('Banque centrale européenne majoré de 10 points de pourcentage (article L441-10 du Code de commerce)');
    expect(text).toContain('Indemnité forfaitaire pour frais de recouvrement de 40 €');
    expect(text).toContain("Pas d'escompte pour paiement anticipé (article L441-9 du Code de commerce)");
  });

  it('spares an individual and a credit note the late-payment terms', () => {
    expect(legalMentions(doc({ buyer: frenchIndividual }))).toEqual([]);
    expect(legalMentions(doc({ kind: 'credit-note' }))).toEqual([]);
  });

  it("cites the seller's law for reverse charge, and the customer's when it is French or Romanian", () => {
    const ae = [{ vatCategory: 'AE', vatRateBasisPoints: 0 }];
    expect(legalMentions(doc({ buyer: germanBusiness, vatBreakdown: ae }))[0]).toBe(
      'Autoliquidation : TVA due par le preneur (article 196 de la directive 2006/112/CE ; article 259-1 du CGI).',
    );
    expect(legalMentions(doc({ locale: 'ro', seller: romanian, buyer: frenchBusiness, vatBreakdown: ae }))[0]).toBe(
      'Taxare inversă: TVA se datorează de beneficiar (art. 196 din Directiva 2006/112/CE; art. 278 alin. (2) și art. 319 alin. (20) din Codul fiscal; art. 283-2 din Codul general al impozitelor (Franța)).',
    );
    expect(legalMentions(doc({ locale: 'en', buyer: romanianBusiness, vatBreakdown: ae }))[0]).toBe(
      'Reverse charge: VAT to be accounted for by the customer (Article 196 of Council Directive 2006/112/EC; Article 259-1 of the French General Tax Code; Article 307(2) of the Romanian Fiscal Code).',
    );
  });

  it("names the OSS customer's country and rate, and the place of supply of a sale outside the EU", () => {
    const oss = legalMentions(
      doc({
        locale: 'en',
        buyer: { address: { country: 'DE' } },
        vatBreakdown: [{ vatCategory: 'S', vatRateBasisPoints: 1900 }],
      }),
    );
    expect(oss[0]).toBe(
      "VAT of the customer's Member State (Germany) at 19%, declared through the One-Stop Shop (OSS) (Articles 58 and 369b of Council Directive 2006/112/EC).",
    );
    const outside = legalMentions(
      doc({
        buyer: { address: { country: 'US' }, buyerType: 'individual' },
        vatBreakdown: [{ vatCategory: 'O', vatRateBasisPoints: 0 }],
      }),
    );
    expect(outside).toEqual([
      "TVA non applicable : prestation dont le lieu est situé hors de l'Union européenne (article 59 de la directive 2006/112/CE ; article 259 B du CGI).",
    ]);
  });

  it('asks a Romanian document for no signature or stamp, and prints a stored mention unless it is a generic one it replaces', () => {
    expect(legalMentions(doc({ locale: 'ro', seller: romanian, buyer: romanianBusiness }))).toEqual([
      'Factura circulă fără semnătură și ștampilă (art. 319 alin. (29) din Codul fiscal).',
    ]);
    const ae = [{ vatCategory: 'AE', vatRateBasisPoints: 0 }];
    const generic = LEGAL_MENTIONS['reverse-charge-intra-eu'].ro;
    const mentions = legalMentions(doc({ locale: 'ro', buyer: germanBusiness, vatBreakdown: ae, legalMention: generic }));
    expect(mentions.filter((m) => m.startsWith('Taxare inversă'))).toEqual([
      'Taxare inversă: TVA se datorează de beneficiar (art. 196 din Directiva 2006/112/CE; art. 259-1 din Codul general al impozitelor (Franța)).',
    ]);
    expect(legalMentions(doc({ buyer: frenchIndividual, legalMention: 'Offre de lancement' }))).toEqual(['Offre de lancement']);
  });
});
