import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalMailCatcher } from './local-mail-catcher';
import { SmtpMailer } from './smtp-mailer';

describe('the local mail catcher (npm start without an SMTP relay)', () => {
  it('keeps each message as an .eml file, lists it over HTTP, and takes free ports when its own are taken', async () => {
    const first = await startLocalMailCatcher({ folder: mkdtempSync(join(tmpdir(), 'catcher-a-')), smtpPort: 0, httpPort: 0 });
    const second = await startLocalMailCatcher({ folder: mkdtempSync(join(tmpdir(), 'catcher-b-')), smtpPort: first.smtpPort, httpPort: Number(new URL(first.httpUrl).port) });
    try {
      expect(second.smtpPort).not.toBe(first.smtpPort);
      expect(second.httpUrl).not.toBe(first.httpUrl);
      const mailer = new SmtpMailer({ HUB_SMTP_PORT: String(second.smtpPort) });
      const receipt = await mailer.send({ to: 'ana@example.com', subject: 'Hello there', text: 'Body', html: '<p>Body</p>' });
      mailer.close();
      expect(receipt.response).toMatch(/^250/);
      expect(readdirSync(second.folder).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
      const listing = (await (await fetch(second.httpUrl)).json()) as { count: number; messages: Array<{ file: string; to: string; subject: string }> };
      expect(listing.count).toBe(1);
      expect(listing.messages[0]).toMatchObject({ to: 'ana@example.com', subject: 'Hello there' });
      const raw = await (await fetch(`${second.httpUrl}${encodeURIComponent(listing.messages[0].file)}`)).text();
      expect(raw).toContain('Subject: Hello there');
      expect((await fetch(`${second.httpUrl}nope.eml`)).status).toBe(404);
      expect(readdirSync(first.folder)).toHaveLength(0);
    } finally {
      await second.stop();
      await first.stop();
    }
  });
});
