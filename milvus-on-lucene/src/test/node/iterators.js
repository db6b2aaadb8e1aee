// The Node SDK's queryIterator and searchIterator against a running target: node iterators.js <port>.
// The query iterator must visit every matching row once, key-ordered, in batches of the asked size; the
// search iterator (search_iter_v2) must return the brute-force top N by L2, in order, no id twice.
// Exits 0 and prints "NODE_ITERATORS_OK" when every step answered as Milvus would; any failure exits 1.
const { connect, ok, referenceFields, sineVector, run } = require('./common');

const port = process.argv[2];
const name = 'node_iterators';
const dim = 8;
const rowCount = 120;

const vector = (seed) => sineVector(seed, dim, 3.1);

function l2(a, b) {
  let s = 0;
  for (let i = 0; i < dim; i++) {
    const d = Math.fround(a[i]) - Math.fround(b[i]);
    s += d * d;
  }
  return s;
}

async function main() {
  const client = await connect(port);
  ok('createCollection', await client.createCollection({
    collection_name: name,
    fields: referenceFields(dim),
  }));
  const data = [];
  for (let i = 0; i < rowCount; i++) {
    data.push({ id: i, embedding: vector(i), category: i % 2 ? 'odd' : 'even' });
  }
  ok('insert', await client.insert({ collection_name: name, data }));
  ok('createIndex', await client.createIndex({
    collection_name: name, field_name: 'embedding', index_type: 'FLAT', metric_type: 'L2',
  }));
  ok('loadCollectionSync', await client.loadCollectionSync({ collection_name: name }));

  // Query iterator: rows with id >= 10 and category "even", 25 a batch.
  const queried = [];
  const sizes = [];
  const qit = await client.queryIterator({
    collection_name: name, expr: 'id >= 10 && category == "even"', output_fields: ['id'], batchSize: 25,
  });
  for await (const batch of qit) {
    sizes.push(batch.length);
    batch.forEach((r) => queried.push(Number(r.id)));
  }
  const wanted = data.filter((r) => r.id >= 10 && r.id % 2 === 0).map((r) => r.id);
  if (JSON.stringify(queried) !== JSON.stringify(wanted) || JSON.stringify(sizes) !== '[25,25,5]') {
    throw new Error(`queryIterator sizes ${JSON.stringify(sizes)} ids ${JSON.stringify(queried)}`);
  }

  // Search iterator: the 60 nearest rows to a query, 20 a batch.
  const query = vector(1000);
  const hits = [];
  const sit = await client.searchIterator({
    collection_name: name, data: query, batchSize: 20, limit: 60, metric_type: 'L2',
  });
  for await (const batch of sit) {
    batch.forEach((r) => hits.push(r));
  }
  const exact = data.map((r) => ({ id: r.id, d: l2(query, r.embedding) })).sort((a, b) => a.d - b.d || a.id - b.id)
    .slice(0, 60).map((r) => r.id);
  const ids = hits.map((r) => Number(r.id));
  for (let i = 1; i < hits.length; i++) {
    if (hits[i].score < hits[i - 1].score) {
      throw new Error(`searchIterator distance decreased at ${i}: ${JSON.stringify(hits)}`);
    }
  }
  if (new Set(ids).size !== ids.length || JSON.stringify(ids) !== JSON.stringify(exact)) {
    throw new Error(`searchIterator ids ${JSON.stringify(ids)} expected ${JSON.stringify(exact)}`);
  }
  ok('dropCollection', await client.dropCollection({ collection_name: name }));
  await client.closeConnection();
  console.log('NODE_ITERATORS_OK');
}

run(main);
