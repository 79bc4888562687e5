export { startAnafSandbox, type AnafSandbox, type ProcessedUpload, type SupplierInvoiceInput } from './sandbox';
export { ANAF_LIMITS, DEFAULT_CLIENT, type AnafLimits, type AnafSandboxOptions, type OAuthClient } from './options';
export type { OutageMode } from './faults';
export type { LoggedRequest } from './request-log';
export { supplierInvoiceDocument, supplierInvoiceXml, type SupplierInvoiceDraft } from './efactura/supplier-invoice';
export { ERROR_FILE_NAMESPACE, STATUS_NAMESPACE, UPLOAD_NAMESPACE } from './efactura/anaf-xml';
export { writeZip, type ZipEntry } from './archive/zip';
