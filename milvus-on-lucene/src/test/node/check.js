// The Milvus Node SDK's ordinary flow against a running target (plus upsert, a templated filter and a database): node check.js <port>.
// Exits 0 and prints "NODE_SDK_OK" when every step answered as Milvus would; any failure exits 1.
const { connect, ok, referenceFields, sineVector, run } = require('./common');

const port = process.argv[2];
const name = 'node_sdk_check';
const dim = 8;

const vector = (seed) => sineVector(seed, dim);

async function main() {
  const client = await connect(port);
  ok('dropCollection (missing)', await client.dropCollection({ collection_name: name }));
  ok('createCollection', await client.createCollection({
    collection_name: name,
    fields: referenceFields(dim, true),
  }));
  const rows = [];
  for (let i = 0; i < 200; i++) {
    rows.push({ embedding: vector(i), category: 'ABCD'[i % 4] });
  }
  const inserted = ok('insert', await client.insert({ collection_name: name, data: rows }));
  if (Number(inserted.insert_cnt) !== 200) {
    throw new Error(`insert_cnt ${inserted.insert_cnt}`);
  }
  ok('flushSync', await client.flushSync({ collection_names: [name] }));
  ok('createIndex', await client.createIndex({
    collection_name: name, field_name: 'embedding', index_type: 'HNSW', metric_type: 'L2',
    params: { M: 16, efConstruction: 200 },
  }));
  ok('loadCollectionSync', await client.loadCollectionSync({ collection_name: name }));
  const search = ok('search', await client.search({
    collection_name: name, data: [vector(42)], limit: 5, params: { ef: 64 }, output_fields: ['category'],
  }));
  const top = search.results[0];
  if (search.results.length !== 5 || top.category !== 'ABCD'[42 % 4] || Math.abs(top.score) > 1e-4) {
    throw new Error(`search results ${JSON.stringify(search.results)}`);
  }
  const filtered = ok('filtered search', await client.search({
    collection_name: name, data: [vector(42)], limit: 5, filter: 'category == "B"', output_fields: ['category'],
  }));
  if (filtered.results.some((r) => r.category !== 'B')) {
    throw new Error(`filtered results ${JSON.stringify(filtered.results)}`);
  }
  const count = ok('query count', await client.query({ collection_name: name, filter: '', output_fields: ['count(*)'] }));
  if (Number(count.data[0]['count(*)']) !== 200) {
    throw new Error(`count ${JSON.stringify(count.data)}`);
  }
  const byId = ok('query by id', await client.query({
    collection_name: name, filter: `id in [${top.id}]`, output_fields: ['category'],
  }));
  if (byId.data.length !== 1 || byId.data[0].category !== top.category) {
    throw new Error(`query by id ${JSON.stringify(byId.data)}`);
  }
  const up = ok('upsert', await client.upsert({
    collection_name: name, data: [{ id: top.id, embedding: vector(42), category: 'Z' }],
  }));
  const after = ok('count after upsert', await client.query({ collection_name: name, filter: '', output_fields: ['count(*)'] }));
  if (Number(up.upsert_cnt) !== 1 || Number(after.data[0]['count(*)']) !== 200) {
    throw new Error(`upsert ${JSON.stringify(up)} count ${JSON.stringify(after.data)}`);
  }
  const templated = ok('query with exprValues', await client.query({
    collection_name: name, filter: 'category in {cats} and id > {min}', exprValues: { cats: ['A', 'B'], min: 0 },
    output_fields: ['count(*)'],
  }));
  if (Number(templated.data[0]['count(*)']) !== 100) {
    throw new Error(`templated count ${JSON.stringify(templated.data)}`);
  }
  await databases(client);
  ok('releaseCollection', await client.releaseCollection({ collection_name: name }));
  ok('dropCollection', await client.dropCollection({ collection_name: name }));
  await client.closeConnection();
  console.log('NODE_SDK_OK');
}

// A database of its own: created, listed, used (the dbname header), empty of the default's collections.
async function databases(client) {
  ok('createDatabase', await client.createDatabase({ db_name: 'node_db' }));
  const listed = ok('listDatabases', await client.listDatabases());
  if (!listed.db_names.includes('node_db')) {
    throw new Error(`listDatabases ${JSON.stringify(listed.db_names)}`);
  }
  await client.use({ db_name: 'node_db' });
  const there = ok('hasCollection in node_db', await client.hasCollection({ collection_name: name }));
  await client.use({ db_name: 'default' });
  const here = ok('hasCollection in default', await client.hasCollection({ collection_name: name }));
  if (there.value || !here.value) {
    throw new Error(`collections per database: node_db ${there.value}, default ${here.value}`);
  }
  ok('dropDatabase', await client.dropDatabase({ db_name: 'node_db' }));
}

run(main);
