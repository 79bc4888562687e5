// Preloaded into the service (`--require`, through NODE_OPTIONS) when ENTITLEMENTS_BENCH_CPU_PROF is set:
// a V8 CPU profile of the whole process, written to that folder as it exits. (`--cpu-prof` itself is not
// allowed in NODE_OPTIONS.) Open the .cpuprofile in Chrome DevTools.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.ENTITLEMENTS_BENCH_CPU_PROF;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  // A session on the process's own thread answers synchronously, so this works in the 'exit' handler.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `subscriptions-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
