import { randomUUID } from 'node:crypto';
import { link, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname, uptime, userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { describeWriteFailure, errnoOf, isUnwritable, nodeFileIo } from './file-io';
import type { FileIo } from './file-io';

/**
 * One writer per project: a lock file in the project folder says who has it open for
 * changes. It is created atomically (O_EXCL), so of two instances opening a project at once
 * exactly one gets it; the other opens the project read-only and says who holds it.
 *
 * A lock left behind by a Marginalia that crashed is recovered, but only when that is
 * certain: the holder ran on this computer and its process is gone (or the computer has
 * restarted since). A lock from another computer (a shared or synced folder) is always
 * treated as held: from here there is no safe way to know that its holder has stopped.
 */

export const LOCK_FILE = '.marginalia-lock';

export type LockApp = 'desktop' | 'browser' | 'cli';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  app: z.enum(['desktop', 'browser', 'cli']),
  user: z.string(),
  startedAt: z.string(),
  /** When the holder's computer last started (ISO): a lock from before a restart is stale. */
  bootedAt: z.string().optional(),
  /** Tells this lock from any other with the same pid (a second store in one process). */
  instance: z.string(),
  /** The locked folder's device and inode: a lock that came along with a copy of the folder does not match. */
  folder: z.string().optional(),
});
export type LockHolder = z.infer<typeof holderSchema>;

export type LockOutcome =
  | { held: true; lock: ProjectLock; note: string | null }
  | { held: false; reason: string; holder: LockHolder | null };

export interface LockDeps {
  now(): Date;
  io?: FileIo;
}

/** A lock file being written right now may be briefly empty: give its writer this long. */
const UNREADABLE_GRACE_MS = 30_000;
/** Clocks and uptime drift: boots closer than this are the same boot. */
const BOOT_TOLERANCE_MS = 5 * 60_000;

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown user';
  }
}

/** When this computer started, by its real clock (not an injected one: uptime is real). */
function bootTime(): number {
  return Date.now() - uptime() * 1000;
}

/** An ISO time as "2026-01-05 09:00 UTC", for messages. */
export function formatWhen(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : `${t.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "Amara on amara-laptop, since 2026-01-05 09:00 UTC" */
export function describeHolder(holder: LockHolder): string {
  return `${holder.user} on ${holder.hostname}, since ${formatWhen(holder.startedAt)}`;
}

function heldReason(holder: LockHolder): string {
  const where = holder.app === 'cli' ? 'a marginalia command (an import)' : 'another Marginalia window';
  const sameHost = holder.hostname === hostname();
  const remedy = sameHost
    ? 'Close it there, then open the project again here to make changes.'
    : `Close it there, then open the project again here to make changes. If Marginalia is no longer running on ${holder.hostname}, delete the file ${LOCK_FILE} in the project folder and open the project again.`;
  return `This project is open in ${where} (${describeHolder(holder)}); it is open read-only here, so changes cannot be saved. ${remedy}`;
}

type Verdict = { stale: false; holder: LockHolder | null } | { stale: true; note: string };

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return errnoOf(err) === 'ESRCH';
  }
}

/** The folder's identity on this computer (device and inode), or undefined where there is none. */
async function folderIdentity(dir: string): Promise<string | undefined> {
  const s = await stat(dir).catch(() => null);
  return s && s.ino ? `${s.dev}:${s.ino}` : undefined;
}

/** Whether a lock file found in place may be replaced, and why. Only same-computer evidence counts. */
async function judge(path: string, text: string, folder: string | undefined): Promise<Verdict> {
  let holder: LockHolder;
  try {
    holder = holderSchema.parse(JSON.parse(text));
  } catch {
    // File times are the real clock's.
    const age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > UNREADABLE_GRACE_MS) return { stale: true, note: `An unreadable lock file (${LOCK_FILE}) was replaced.` };
    return { stale: false, holder: null };
  }
  if (holder.hostname !== hostname()) return { stale: false, holder };
  if (holder.folder !== undefined && folder !== undefined && holder.folder !== folder) {
    return { stale: true, note: `This project folder is a copy made while the original was open (${describeHolder(holder)}); the lock that came with it was cleared.` };
  }
  const rebooted = holder.bootedAt !== undefined && Math.abs(new Date(holder.bootedAt).getTime() - bootTime()) > BOOT_TOLERANCE_MS;
  if (rebooted || processIsGone(holder.pid)) {
    return {
      stale: true,
      note: `Marginalia did not close this project properly last time (${describeHolder(holder)}); its lock was cleared. Everything it saved is here.`,
    };
  }
  return { stale: false, holder };
}

/** The lock this process holds on one project folder. */
export class ProjectLock {
  private released = false;

  constructor(
    readonly path: string,
    readonly holder: LockHolder,
    private readonly text: string,
  ) {}

  /** Removes the lock file, if it is still this lock's (never someone else's). */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const current = await readFile(this.path, 'utf-8').catch(() => null);
    if (current === this.text) await unlink(this.path).catch(() => undefined);
  }
}

/**
 * Replaces a stale lock without ever removing a live one: the stale file is first renamed
 * aside (atomic), and if what was moved is not what was judged stale (someone took the lock
 * in between), it is put back.
 */
async function clearStale(path: string, judgedText: string): Promise<void> {
  const aside = `${path}.stale-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return; // someone else cleared it
    throw err;
  }
  const moved = await readFile(aside, 'utf-8').catch(() => null);
  if (moved !== judgedText) {
    await link(aside, path).catch(() => undefined); // fails only if yet another lock appeared
  }
  await unlink(aside).catch(() => undefined);
}

/**
 * Takes the project's lock for this process, or says why it cannot: another live holder, or
 * a folder that cannot be written (then the project can only be read anyway).
 */
export async function acquireProjectLock(dir: string, app: LockApp, deps: LockDeps): Promise<LockOutcome> {
  const io = deps.io ?? nodeFileIo;
  const path = join(dir, LOCK_FILE);
  const now = deps.now();
  const folder = await folderIdentity(dir);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    app,
    user: currentUser(),
    startedAt: now.toISOString(),
    bootedAt: new Date(bootTime()).toISOString(),
    instance: randomUUID(),
    ...(folder !== undefined && { folder }),
  };
  const text = `${JSON.stringify(holder, null, 1)}\n`;
  let note: string | null = null;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await io.createExclusive(path, text);
      return { held: true, lock: new ProjectLock(path, holder, text), note };
    } catch (err) {
      if (errnoOf(err) !== 'EEXIST') {
        if (isUnwritable(err)) {
          return {
            held: false,
            reason: `This project's folder cannot be written (${describeWriteFailure(err)}): it is open read-only, so changes cannot be saved.`,
            holder: null,
          };
        }
        throw err;
      }
    }
    const existing = await readFile(path, 'utf-8').catch(() => null);
    if (existing === null) continue; // it went away meanwhile: try again
    const verdict = await judge(path, existing, folder);
    if (!verdict.stale) {
      const reason = verdict.holder
        ? heldReason(verdict.holder)
        : `This project is being opened by another Marginalia right now (its lock file ${LOCK_FILE} is incomplete); it is open read-only here, so changes cannot be saved. Open it again in a moment.`;
      return { held: false, reason, holder: verdict.holder };
    }
    note = verdict.note;
    await clearStale(path, existing);
  }
  return {
    held: false,
    reason: `This project's lock (${LOCK_FILE}) keeps changing hands; it is open read-only here, so changes cannot be saved. Open it again in a moment.`,
    holder: null,
  };
}
