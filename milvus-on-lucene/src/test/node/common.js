// What every Node SDK check script shares: connecting, a step that fails loudly, an exact comparison,
// the keyed reference schema, seeded test vectors, and the exit status the Java test reads.
const { MilvusClient, DataType } = require('@zilliz/milvus2-sdk-node');

// A client of the target on 127.0.0.1:<port>, once its connection is up.
async function connect(port) {
  const client = new MilvusClient({ address: `127.0.0.1:${port}` });
  await client.connectPromise;
  return client;
}

// Throws naming the step when a reply carries a non-success status (the SDK resolves, not rejects, on
// most server errors); returns the reply.
function ok(step, res) {
  const status = res && (res.status || res);
  const code = status && (status.code !== undefined ? status.code : 0);
  const errorCode = status && status.error_code;
  if ((code !== 0 && code !== undefined) || (errorCode && errorCode !== 'Success')) {
    throw new Error(`${step} failed: ${JSON.stringify(status)}`);
  }
  return res;
}

// Throws naming the step unless got and want are the same as JSON.
function same(step, got, want) {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`${step}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
}

// The reference schema's fields: id INT64 primary key, embedding FLOAT_VECTOR(dim), category VARCHAR(10).
function referenceFields(dim, autoID = false) {
  return [
    { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID },
    { name: 'embedding', data_type: DataType.FloatVector, dim },
    { name: 'category', data_type: DataType.VarChar, max_length: 10 },
  ];
}

// A deterministic dim-d vector for a seed: sin(seed * 7 + i * step).
function sineVector(seed, dim, step = 1) {
  const v = [];
  for (let i = 0; i < dim; i++) {
    v.push(Math.sin(seed * 7 + i * step));
  }
  return v;
}

// Runs a script's main: any failure prints its stack and exits 1, which the Java test reports.
function run(main) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  });
}

module.exports = { connect, ok, same, referenceFields, sineVector, run };
