import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, AddressInfo, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/** Where Debian's dovecot-imapd puts the server (`.ci/run` installs it). */
const DOVECOT = '/usr/sbin/dovecot';

export interface ImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export function dovecotInstalled(): boolean {
  return spawnSync(DOVECOT, ['--version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listening(port: number, timeoutMs: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const gone = exited();
    if (gone !== null) throw new Error(`dovecot exited: ${gone}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port} in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A real IMAP server for the test run: Debian's dovecot, in a temporary directory with a config of
 * its own (a free port on 127.0.0.1, no TLS, a passwd-file with one user, maildir), in the
 * foreground as a child of this process. As root it drops to the package's dovecot and dovenull
 * users; as anyone else it runs every part as that user.
 */
export async function startImapServer(): Promise<ImapServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-imap-'));
  const port = await freePort();
  const user = 'hub-mailbox';
  const password = 'imap-test-password';
  const me = userInfo();
  const root = me.uid === 0;
  const mailUser = root ? 'dovecot' : me.username;
  const ids = root ? { uid: Number(spawnSync('id', ['-u', 'dovecot']).stdout.toString().trim()), gid: Number(spawnSync('id', ['-g', 'dovecot']).stdout.toString().trim()) } : { uid: me.uid, gid: me.gid };
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  chmodSync(dir, 0o755);
  if (root) chownSync(join(dir, 'mail'), ids.uid, ids.gid);
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  writeFileSync(join(dir, 'dovecot.conf'), `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${mailUser}
default_internal_group = ${root ? 'dovecot' : spawnSync('id', ['-gn']).stdout.toString().trim()}
default_login_user = ${root ? 'dovenull' : me.username}
mail_location = maildir:${dir}/mail/%u
first_valid_uid = ${ids.uid}
last_valid_uid = ${ids.uid}
first_valid_gid = ${ids.gid}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${ids.uid} gid=${ids.gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  # No chroot: it needs root, and the test's directory is all there is.
  chroot =
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
`);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) => child.on('exit', (code, signal) => { exit = `${code ?? signal}: ${output}`; resolve(); }));
  await listening(port, 20_000, () => exit);
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    stop: async () => {
      if (exit === null) child.kill('SIGTERM');
      await exited;
      if (!process.env.HUB_TEST_KEEP_IMAP) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Puts a raw RFC 5322 message into the test mailbox's INBOX (IMAP APPEND), as a mail server delivering it would. */
export async function deliverToMailbox(raw: string): Promise<void> {
  const imap = new ImapFlow({
    host: process.env.HUB_TEST_IMAP_HOST!, port: Number(process.env.HUB_TEST_IMAP_PORT), secure: false,
    auth: { user: process.env.HUB_TEST_IMAP_USER!, pass: process.env.HUB_TEST_IMAP_PASSWORD! }, logger: false,
  });
  await imap.connect();
  try {
    await imap.append('INBOX', raw);
  } finally {
    await imap.logout();
  }
}
