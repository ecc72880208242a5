// Starts the Microsoft 365 Agents Playground and keeps it running.
// On Linux the playground's own CLI can exit shortly after start; requiring its dist from this script, with
// handlers that log instead of exiting, keeps it alive. It never opens a browser (the tests drive Chromium).
// Usage: node host.js -e http://127.0.0.1:3978/api/messages -c msteams -p 56150 --dt   (--dt: no telemetry)
// Run it with the working directory holding .m365agentsplayground.yml; the playground logs to ./devTools/.
'use strict';
const path = require('path');

process.env.TEAMSAPPTESTER_BROWSER = process.env.TEAMSAPPTESTER_BROWSER || 'none';
process.on('uncaughtException', (error) => console.error('[playground-host] uncaught exception:', error));
process.on('unhandledRejection', (error) => console.error('[playground-host] unhandled rejection:', error));
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => process.exit(0));

const packageJson = require.resolve('@microsoft/m365agentsplayground/package.json', { paths: [__dirname, process.cwd()] });
require(path.join(path.dirname(packageJson), 'dist')).start();
