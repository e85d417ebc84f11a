import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server-process';

/**
 * A real PostgreSQL primary and a hot standby streaming from it (pg_basebackup -R), each its own
 * cluster on its own port in a temporary folder, for the read-replica test (issue 19). Made
 * from the machine's PostgreSQL programs; under root they run as the postgres account, since
 * PostgreSQL refuses to run as root.
 */
export type StandbyPair = {
  primaryUrl: string;
  standbyUrl: string;
  /** Stops or restarts WAL replay on the standby: it then lags behind the primary. */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** Waits until the standby has replayed everything the primary has committed. */
  caughtUp: () => Promise<void>;
  stop: () => void;
};

function binDir(): string {
  const fromConfig = (() => {
    try {
      return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })();
  if (fromConfig && fs.existsSync(path.join(fromConfig, 'initdb'))) return fromConfig;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  throw new Error('PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) not found: install the postgresql package');
}

export async function startStandbyPair(): Promise<StandbyPair> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-standby-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    fs.chownSync(dir, uid, gid);
  }
  const run = (program: string, args: string[]) => {
    const file = path.join(bin, program);
    execFileSync(asRoot ? 'runuser' : file, asRoot ? ['-u', 'postgres', '--', file, ...args] : args, { cwd: dir, stdio: 'pipe' });
  };
  const primary = path.join(dir, 'primary');
  const standby = path.join(dir, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const settings = (port: number) =>
    `\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\nfsync = off\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n`;
  const started: string[] = [];
  const stop = () => {
    for (const d of started.reverse()) {
      try {
        run('pg_ctl', ['-D', d, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    // initdb's pg_hba.conf with -A trust lets local replication connections in.
    run('initdb', ['-D', primary, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    fs.appendFileSync(path.join(primary, 'postgresql.conf'), settings(primaryPort));
    run('pg_ctl', ['-D', primary, '-l', path.join(dir, 'primary.log'), '-w', 'start']);
    started.push(primary);
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standby, '-R', '-X', 'stream', '--no-sync']);
    fs.appendFileSync(path.join(standby, 'postgresql.conf'), settings(standbyPort));
    run('pg_ctl', ['-D', standby, '-l', path.join(dir, 'standby.log'), '-w', 'start']);
    started.push(standby);
  } catch (e) {
    stop();
    throw e;
  }
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const standbyUrl = `postgres://postgres@127.0.0.1:${standbyPort}/postgres`;
  const query = async (url: string, text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  return {
    primaryUrl,
    standbyUrl,
    pauseReplay: async () => {
      await query(standbyUrl, 'select pg_wal_replay_pause()');
    },
    resumeReplay: async () => {
      await query(standbyUrl, 'select pg_wal_replay_resume()');
    },
    caughtUp: async () => {
      const [{ lsn }] = (await query(primaryUrl, 'select pg_current_wal_lsn()::text as lsn')) as [{ lsn: string }];
      for (let i = 0; i < 200; i++) {
        const [row] = await query(standbyUrl, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [lsn]);
        if (row?.ok === true) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the standby did not replay ${lsn} within 10 s`);
    },
    stop,
  };
}
