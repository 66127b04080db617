import { registerEnumType } from 'type-graphql';

export enum ExportFormat {
  PDF = 'PDF',
  XLSX = 'XLSX',
}

registerEnumType(ExportFormat, { name: 'ExportFormat', description: 'A file for people (PDF) or for spreadsheets (XLSX).' });

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  PDF: 'application/pdf',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const EXTENSIONS: Record<ExportFormat, string> = { PDF: 'pdf', XLSX: 'xlsx' };
