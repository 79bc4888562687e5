'use strict';
// Benchmark of @obolus/ubl (not a test): documents built per second, and documents validated per
// second with a warm validator on 1 and on 2 worker threads, through the batched schematron (the
// default) and through the per-document one it replaced (the baseline), in the same run, with the
// ratio. Runs against libs/ubl/dist:
//   node scripts/build.mjs && node bench/ubl/run.js [--validate-docs N] [--build-docs N] [--rounds N]
// Both paths validate the same freshly built documents (distinct numbers), nothing is cached per
// document, and every report is checked valid. The paths alternate round by round so that a load
// change on the machine does not favour one of them; each figure is the total over the rounds.
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');

const ubl = require('@obolus/ubl');

/** A typical Obolus invoice: 10 lines, two VAT rates, a line discount every third line. */
function typicalInvoice(number) {
  const lines = Array.from({ length: 10 }, (_, i) => ({
    id: String(i + 1),
    quantity: String((i % 4) + 1),
    unitCode: i % 2 ? 'MON' : 'H87',
    item: { name: `Plan item ${i + 1}`, sellerItemId: `SKU-${i + 1}` },
    vat: { category: 'S', rate: i === 9 ? '11' : '21' },
    price: { amount: (19.9 + i * 7.35).toFixed(2) },
    ...(i % 3 === 2 ? { allowances: [{ percent: '10', reason: 'Discount' }] } : {}),
  }));
  return {
    kind: 'invoice',
    id: `OBL-2026-${String(number).padStart(6, '0')}`,
    issueDate: '2026-11-22',
    dueDate: '2026-12-07',
    currency: 'RON',
    seller: {
      name: 'Obolus Demo SRL',
      vatId: 'RO18547290',
      legalRegistrationId: 'J40/1234/2020',
      address: { street: 'Str. Exemplu 10', city: 'SECTOR1', postalCode: '010101', countrySubdivision: 'RO-B', country: 'RO' },
    },
    buyer: {
      name: 'Client Exemplu SRL',
      vatId: 'RO14399840',
      address: { street: 'Bd. Eroilor 5', city: 'Cluj-Napoca', postalCode: '400129', countrySubdivision: 'RO-CJ', country: 'RO' },
    },
    paymentMeans: [{ code: '30', payeeAccount: { id: 'RO49AAAA1B31007593840000' } }],
    lines,
  };
}

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** In a worker: warm the validator up, then validate the documents it is given and report the time. */
async function validationWorker() {
  const validator = ubl.CiusRoValidator.create({ warmUp: true, schematron: workerData.schematron });
  const warm = ubl.buildUblXml(typicalInvoice(0));
  await validator.validate(warm);
  parentPort.postMessage({ ready: true });
  parentPort.once('message', async ({ count, offset }) => {
    const xmls = Array.from({ length: count }, (_, i) => ubl.buildUblXml(typicalInvoice(offset + i + 1)));
    const started = performance.now();
    // Documents are asked for in groups of 10, as a gateway draining its queue would.
    let fatal = 0;
    for (let i = 0; i < xmls.length; i += 10) {
      const reports = await validator.validateMany(xmls.slice(i, i + 10));
      fatal += reports.filter((r) => !r.valid).length;
    }
    parentPort.postMessage({ elapsed: performance.now() - started, fatal });
  });
}

async function validateOn(workers, documents, schematron, firstNumber) {
  const pool = Array.from({ length: workers }, () => new Worker(__filename, { workerData: { role: 'validate', schematron } }));
  await Promise.all(pool.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const perWorker = Math.ceil(documents / workers);
  const started = performance.now();
  const results = await Promise.all(
    pool.map(
      (w, i) =>
        new Promise((resolve) => {
          w.once('message', resolve);
          w.postMessage({ count: perWorker, offset: firstNumber + i * perWorker });
        }),
    ),
  );
  const wall = performance.now() - started;
  await Promise.all(pool.map((w) => w.terminate()));
  const fatal = results.reduce((n, r) => n + r.fatal, 0);
  if (fatal > 0) throw new Error(`${fatal} benchmark documents were not valid`);
  return { documents: perWorker * workers, wall };
}

function benchBuild(count, options) {
  for (let i = 0; i < 200; i += 1) ubl.buildUblXml(typicalInvoice(i), options); // JIT warm-up
  const documents = Array.from({ length: count }, (_, i) => typicalInvoice(i));
  const started = performance.now();
  for (const document of documents) ubl.buildUblXml(document, options);
  return performance.now() - started;
}

async function main() {
  const buildDocs = option('--build-docs', 5000);
  const validateDocs = option('--validate-docs', 60);
  const rounds = option('--rounds', 2);
  const rows = [];

  for (const [label, options] of [
    ['build (10-line invoice, indented)', {}],
    ['build (10-line invoice, prettyPrint: false)', { prettyPrint: false }],
  ]) {
    const buildMs = benchBuild(buildDocs, options);
    rows.push([label, buildDocs, (buildDocs / (buildMs / 1000)).toFixed(0), (buildMs / buildDocs).toFixed(3)]);
  }

  const comparisons = [];
  let number = 0;
  for (const workers of [1, 2]) {
    const totals = { 'per-document': { documents: 0, wall: 0 }, batched: { documents: 0, wall: 0 } };
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? ['per-document', 'batched'] : ['batched', 'per-document'];
      for (const schematron of order) {
        const { documents, wall } = await validateOn(workers, validateDocs, schematron, number);
        number += documents;
        totals[schematron].documents += documents;
        totals[schematron].wall += wall;
      }
    }
    const rate = ({ documents, wall }) => documents / (wall / 1000);
    for (const [schematron, label] of [
      ['per-document', 'before: per-document schematron'],
      ['batched', 'after: batched schematron'],
    ]) {
      const { documents, wall } = totals[schematron];
      rows.push([
        `validate XSD + CIUS-RO, ${workers} worker${workers > 1 ? 's' : ''}, ${label}`,
        documents,
        rate(totals[schematron]).toFixed(2),
        (wall / documents).toFixed(1),
      ]);
    }
    comparisons.push([workers, rate(totals['per-document']), rate(totals.batched)]);
  }

  const header = ['operation', 'documents', 'docs/s', 'ms/doc'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`@obolus/ubl bench, node ${process.version}, ${require('node:os').cpus().length} CPUs`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const [workers, before, after] of comparisons) {
    console.log(
      `validation, ${workers} worker${workers > 1 ? 's' : ''}: ${before.toFixed(2)} docs/s before, ${after.toFixed(2)} docs/s after, x${(after / before).toFixed(2)}`,
    );
  }
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else if (workerData?.role === 'validate') {
  validationWorker();
}
