import { parseErrorFile, parseStatusAnswer, parseUploadAnswer, ruleIdsOf } from './answers';
import { AnafCallError } from './errors';

describe("ANAF's answers", () => {
  it('reads an accepted and a refused upload', () => {
    expect(
      parseUploadAnswer(
        '<header xmlns="mfp:anaf:dgti:spv:respUploadFisier:v1" dateResponse="202108051140" ExecutionStatus="0" index_incarcare="3828"/>',
      ),
    ).toEqual({ accepted: true, uploadIndex: '3828', dateResponse: '202108051140' });
    expect(
      parseUploadAnswer(
        '<header xmlns="mfp:anaf:dgti:spv:respUploadFisier:v1" dateResponse="202108051144" ExecutionStatus="1"><Errors errorMessage="CIF introdus= 123a nu este un numar"/></header>',
      ),
    ).toEqual({ accepted: false, errors: ['CIF introdus= 123a nu este un numar'], dateResponse: '202108051144' });
  });

  it('reads each state, with a namespace prefix too', () => {
    const ns = 'mfp:anaf:dgti:efactura:stareMesajFactura:v1';
    expect(parseStatusAnswer(`<header xmlns="${ns}" stare="ok" id_descarcare="1234"/>`)).toEqual({
      state: 'ok',
      downloadId: '1234',
    });
    expect(parseStatusAnswer(`<ns2:header xmlns:ns2="${ns}" stare="nok" id_descarcare="123"/>`)).toEqual({
      state: 'nok',
      downloadId: '123',
    });
    expect(parseStatusAnswer(`<header xmlns="${ns}" stare="in prelucrare"/>`)).toEqual({ state: 'processing' });
    expect(parseStatusAnswer(`<header xmlns="${ns}" stare="XML cu erori nepreluat de sistem"/>`)).toEqual({ state: 'not-taken' });
    expect(
      parseStatusAnswer(`<header xmlns="${ns}"><Errors errorMessage="Nu exista factura cu id_incarcare= 15000"/></header>`),
    ).toEqual({
      state: 'query-error',
      errors: ['Nu exista factura cu id_incarcare= 15000'],
    });
  });

  it('takes an answer in another namespace, HTML or an XML bomb for unavailable, never for a rejection', () => {
    const bomb =
      '<!DOCTYPE header [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
      '<header xmlns="mfp:anaf:dgti:efactura:stareMesajFactura:v1" stare="&c;"/>';
    for (const body of [
      '<header xmlns="other" stare="ok" id_descarcare="1"/>',
      '<html><body>Gateway Timeout</body></html>',
      bomb,
      '',
    ]) {
      expect(() => parseStatusAnswer(body)).toThrow(expect.objectContaining({ kind: 'unavailable' }));
      expect(() => parseStatusAnswer(body)).toThrow(AnafCallError);
    }
  });

  it("reads ANAF's error file and the rule ids it names", () => {
    const file =
      '<header xmlns="mfp:anaf:dgti:efactura:mesajEroriFactuta:v1" Index_incarcare="5025079551" Cif_emitent="35913862">' +
      '<Error errorMessage="E: validari globale  SCHEMATRON   eroare: [BR-RO-100]-Daca Codul statului..."/>' +
      '<Error errorMessage="E: validari globale  SCHEMATRON   eroare: [BR-CO-09]-The Seller VAT identifier..."/>' +
      '<Error errorMessage="[BR-RO-100] again"/></header>';
    expect(parseErrorFile(Buffer.from(file))).toEqual({
      uploadIndex: '5025079551',
      cifEmitent: '35913862',
      messages: expect.arrayContaining([expect.stringContaining('BR-CO-09')]),
      ruleIds: ['BR-RO-100', 'BR-CO-09'],
    });
    expect(ruleIdsOf(['[UBL-SR-48] x', 'no id here'])).toEqual(['UBL-SR-48']);
  });

  it("reads ANAF's messages as written: the predefined entities decoded, no other entity expanded", () => {
    const file =
      '<header xmlns="mfp:anaf:dgti:efactura:mesajEroriFactuta:v1" Index_incarcare="5025079551" Cif_emitent="35913862">' +
      '<Error errorMessage="E: [BR-RO-100] valoarea &quot;a&lt;b&quot; &amp; &apos;c&apos; &#x219; &#259; &amp;lt; &bomb;"/></header>';
    expect(parseErrorFile(file).messages).toEqual(['E: [BR-RO-100] valoarea "a<b" & \'c\' ș ă &lt; &bomb;']);
    expect(
      parseUploadAnswer(
        '<header xmlns="mfp:anaf:dgti:spv:respUploadFisier:v1" dateResponse="202611271200" ExecutionStatus="1">' +
          '<Errors errorMessage="Fisierul &lt;x&gt; nu este valid"/></header>',
      ),
    ).toMatchObject({ accepted: false, errors: ['Fisierul <x> nu este valid'] });
  });
});
