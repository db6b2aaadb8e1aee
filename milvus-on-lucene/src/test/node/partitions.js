// Partitions and an alias through the Milvus Node SDK against a running target: node partitions.js <port>.
// Rows inserted into one partition come back only from a search in it; an alias reaches the collection.
// Exits 0 and prints "NODE_PARTITIONS_OK" when every step answered as Milvus would; any failure exits 1.
const { connect, ok, referenceFields, sineVector, run } = require('./common');

const port = process.argv[2];
const name = 'node_partitions';
const dim = 8;

const vector = (seed) => sineVector(seed, dim);

function rows(from, to) {
  const out = [];
  for (let i = from; i < to; i++) {
    out.push({ id: i, embedding: vector(i), category: 'A' });
  }
  return out;
}

async function main() {
  const client = await connect(port);
  ok('createCollection', await client.createCollection({
    collection_name: name,
    fields: referenceFields(dim),
  }));
  ok('createPartition', await client.createPartition({ collection_name: name, partition_name: 'p1' }));
  ok('createPartition', await client.createPartition({ collection_name: name, partition_name: 'p2' }));
  const listed = ok('showPartitions', await client.showPartitions({ collection_name: name }));
  if (JSON.stringify(listed.partition_names) !== JSON.stringify(['_default', 'p1', 'p2'])) {
    throw new Error(`showPartitions ${JSON.stringify(listed.partition_names)}`);
  }
  ok('insert p1', await client.insert({ collection_name: name, partition_name: 'p1', data: rows(0, 20) }));
  ok('insert p2', await client.insert({ collection_name: name, partition_name: 'p2', data: rows(20, 40) }));
  ok('createIndex', await client.createIndex({
    collection_name: name, field_name: 'embedding', index_type: 'HNSW', metric_type: 'L2',
    params: { M: 16, efConstruction: 200 },
  }));
  ok('loadCollectionSync', await client.loadCollectionSync({ collection_name: name }));
  // Row 5 (in p1) is its own nearest neighbour; a search in p2 must not see it.
  const inP2 = ok('search p2', await client.search({
    collection_name: name, partition_names: ['p2'], data: [vector(5)], limit: 10,
  }));
  if (inP2.results.length !== 10 || inP2.results.some((r) => Number(r.id) < 20)) {
    throw new Error(`search in p2 ${JSON.stringify(inP2.results)}`);
  }
  const inP1 = ok('search p1', await client.search({
    collection_name: name, partition_names: ['p1'], data: [vector(5)], limit: 3,
  }));
  if (Number(inP1.results[0].id) !== 5) {
    throw new Error(`search in p1 ${JSON.stringify(inP1.results)}`);
  }
  ok('createAlias', await client.createAlias({ collection_name: name, alias: 'node_alias' }));
  const described = ok('describeAlias', await client.describeAlias({ collection_name: name, alias: 'node_alias' }));
  if (described.collection !== name) {
    throw new Error(`describeAlias ${JSON.stringify(described)}`);
  }
  const viaAlias = ok('query via alias', await client.query({
    collection_name: 'node_alias', partition_names: ['p2'], filter: '', output_fields: ['count(*)'],
  }));
  if (Number(viaAlias.data[0]['count(*)']) !== 20) {
    throw new Error(`count via alias ${JSON.stringify(viaAlias.data)}`);
  }
  ok('dropAlias', await client.dropAlias({ collection_name: name, alias: 'node_alias' }));
  ok('releaseCollection', await client.releaseCollection({ collection_name: name }));
  ok('dropCollection', await client.dropCollection({ collection_name: name }));
  await client.closeConnection();
  console.log('NODE_PARTITIONS_OK');
}

run(main);
