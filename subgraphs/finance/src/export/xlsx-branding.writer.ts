import ExcelJS from 'exceljs';
import { ExportBranding } from './export-branding';

/**
 * The deployment's branding below a sheet's rows, one blank row apart: its name in the primary
 * colour, then its legal footer. No logo: exceljs's streaming writer places images only as a
 * sheet's background, which would sit behind the figures; the PDFs carry the logo.
 */
export function appendBrandingRows(sheet: ExcelJS.Worksheet, branding: ExportBranding): void {
  sheet.addRow([]).commit();
  const name = sheet.addRow([branding.name]);
  name.font = { bold: true, color: { argb: `FF${branding.primaryColor.slice(1).toUpperCase()}` } };
  name.commit();
  if (branding.legalFooter) sheet.addRow([branding.legalFooter]).commit();
}
