// Integration and end-to-end tests talk to a real broker and database, and start processes.
jest.setTimeout(Number(process.env.OBOLUS_TEST_TIMEOUT_MS ?? 180_000));
