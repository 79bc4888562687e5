// The load generator of bench/entitlements, in a process of its own (so it does not share an event loop
// with what it measures): autocannon at a fixed overall rate against one target, for a number of seconds.
// Run by run.js as `node bench/entitlements/load.js <spec.json>`; prints one line `load-json {...}`.
//
// spec: { url, rate, seconds, connections, requests: [{ method, path, headers, body }] }
// The requests are sent in turn by each connection (autocannon's `requests`), so the load rotates over
// accounts. Latencies are taken raw from every response (float milliseconds, 2xx only) and their
// percentiles computed exactly here; autocannon's own summary (whole milliseconds) is reported beside.
const { readFileSync } = require('node:fs');
const autocannon = require('autocannon');

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function percentileOf(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (value, digits = 2) => (value === null ? null : Number(value.toFixed(digits)));

async function main() {
  let latencies = new Float64Array(Math.max(1024, Math.ceil(spec.rate * spec.seconds * 1.2)));
  let count = 0;
  const statusCodes = {};
  const errorMessages = {};
  const cpuBefore = process.cpuUsage();
  const startedAt = process.hrtime.bigint();
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    overallRate: spec.rate,
    duration: spec.seconds,
    pipelining: 1,
    timeout: 10,
    requests: spec.requests,
    // Raw latencies are recorded below; autocannon's correction for a fixed rate (an expected interval
    // of ceil(1 / per-connection rate) = 1 ms) would add made-up samples to its own histogram.
    ignoreCoordinatedOmission: true,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (statusCode < 200 || statusCode > 299) return;
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = responseTime;
  });
  instance.on('reqError', (error) => {
    const key = String(error && error.message ? error.message : error);
    errorMessages[key] = (errorMessages[key] ?? 0) + 1;
  });
  const result = await instance;
  const elapsedSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = latencies.subarray(0, count).sort();
  const responses = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  const line = {
    rate: spec.rate,
    seconds: spec.seconds,
    connections: spec.connections,
    elapsedSeconds: round(elapsedSeconds, 1),
    responses,
    ok: count,
    achievedPerSecond: Math.round(responses / spec.seconds),
    latencyMs: {
      p50: round(percentileOf(sorted, 50)),
      p90: round(percentileOf(sorted, 90)),
      p99: round(percentileOf(sorted, 99)),
      p999: round(percentileOf(sorted, 99.9)),
      max: round(count ? sorted[count - 1] : null),
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    errorMessages,
    autocannon: {
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      requestsPerSecondAverage: result.requests.average,
      sent: result.requests.sent,
    },
    loaderCpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / elapsedSeconds) * 100),
  };
  process.stdout.write(`load-json ${JSON.stringify(line)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
