import { registerEnumType } from 'type-graphql';

export enum InvoiceExportFormat {
  PDF = 'PDF',
  XLSX = 'XLSX',
}

registerEnumType(InvoiceExportFormat, { name: 'InvoiceExportFormat' });
