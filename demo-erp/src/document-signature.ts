import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';

/** Who signs the demo ERP's electronic invoices (the seller's e-invoicing certificate). */
export const SIGNER_NAME = 'Hub Demo Distribution S.A. (e-invoicing)';

/**
 * A self-signed signing certificate made when the demo ERP first signs something: a real RSA key
 * and X.509 certificate in a PKCS#12 bundle, as a seller's e-invoicing certificate would be (only
 * not issued by a trusted CA, so viewers show the signature as valid but of an unknown signer).
 */
let bundle: Buffer | undefined;
function demoSigner(): P12Signer {
  // A signer per signature: P12Signer reads its bundle from a forge buffer it consumes on first use.
  if (bundle) return new P12Signer(bundle);
  // Node's native key generation (milliseconds), handed to forge for the certificate and the bundle.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 2 * 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: SIGNER_NAME },
    { name: 'organizationName', value: 'Hub Demo Distribution S.A.' },
    { name: 'countryName', value: 'ES' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], '', { algorithm: '3des' });
  bundle = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
  return new P12Signer(bundle);
}

/**
 * Signs a rendered document (a PAdES-style detached PKCS#7 signature over its byte ranges): any
 * change to the bytes afterwards breaks the signature, which is why the hub serves these unchanged.
 */
export async function signPdf(pdfDoc: PDFDocument, signingTime: Date, location: string): Promise<Buffer> {
  pdflibAddPlaceholder({
    pdfDoc,
    reason: 'Electronic invoice issued by the seller',
    contactInfo: 'einvoicing@hub-demo-distribution.example',
    name: SIGNER_NAME,
    location,
    signingTime,
  });
  // No object streams: the placeholder must stay a plain, findable /ByteRange and /Contents.
  const unsigned = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
  return new SignPdf().sign(unsigned, demoSigner(), signingTime);
}
