import { runCli } from './run-cli';

// `marginalia query … --json | head` closes the pipe early: that is the reader having enough, not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

process.exitCode = await runCli(process.argv.slice(2));
