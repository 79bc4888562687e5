// Measures argon2id hash time on this machine for candidate parameters, to choose the sign-in cost.
// Usage: node bench/identity/argon2-cost.js
const argon2 = require('argon2');

const candidates = [
  { memoryCost: 19456, timeCost: 2, parallelism: 1 }, // OWASP minimum (19 MiB, t=2, p=1)
  { memoryCost: 19456, timeCost: 3, parallelism: 1 },
  { memoryCost: 32768, timeCost: 2, parallelism: 1 },
  { memoryCost: 32768, timeCost: 3, parallelism: 1 },
  { memoryCost: 47104, timeCost: 1, parallelism: 1 }, // OWASP alternative (46 MiB, t=1, p=1)
  { memoryCost: 65536, timeCost: 2, parallelism: 1 },
  { memoryCost: 65536, timeCost: 3, parallelism: 4 }, // argon2 package default
];

async function measure(params, runs = 12) {
  await argon2.hash('warm-up password', { type: argon2.argon2id, ...params });
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await argon2.hash(`correct horse battery staple ${i}`, { type: argon2.argon2id, ...params });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)] };
}

(async () => {
  console.log('memory KiB | t | p | median ms | p90 ms');
  for (const params of candidates) {
    const { median, p90 } = await measure(params);
    console.log(
      `${String(params.memoryCost).padStart(10)} | ${params.timeCost} | ${params.parallelism} | ${median.toFixed(1).padStart(9)} | ${p90.toFixed(1).padStart(6)}`,
    );
  }
})();
