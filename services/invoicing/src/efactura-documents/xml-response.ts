import { Response } from 'express';
import { EfacturaXml } from './efactura-documents';

/** The customer's download: the CIUS-RO XML as an attachment named after the document number. */
export function sendXml(response: Response, { filename, xml }: EfacturaXml): void {
  response
    .status(200)
    .setHeader('content-type', 'application/xml; charset=utf-8')
    .setHeader('content-disposition', `attachment; filename="${filename}"`)
    .send(xml);
}
