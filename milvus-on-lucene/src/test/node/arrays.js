// ARRAY fields through the Milvus Node SDK against a running target: node arrays.js <port>.
// Creates VarChar / Int64 / Double arrays, inserts rows, queries and searches with array filters, and checks
// every array comes back as inserted. Exits 0 and prints "NODE_ARRAYS_OK" when all steps answered as Milvus would.
const { DataType } = require('@zilliz/milvus2-sdk-node');
const { connect, ok, same, sineVector, run } = require('./common');

const port = process.argv[2];
const name = 'node_arrays';
const dim = 4;
const tags = [['red', 'blue'], ['blue'], [], ['green', 'red', 'x']];
const nums = [[1, 2, 3], [5], [], [3, 3, 10, -1]];
const scores = [[0.5], [1.5, 2.5], [], [3]];

const vector = (seed) => sineVector(seed, dim);

async function ids(client, filter) {
  const res = ok(`query ${filter}`, await client.query({ collection_name: name, filter, output_fields: ['id'] }));
  return res.data.map((r) => Number(r.id)).sort((a, b) => a - b);
}

async function main() {
  const client = await connect(port);
  ok('dropCollection (missing)', await client.dropCollection({ collection_name: name }));
  ok('createCollection', await client.createCollection({
    collection_name: name,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
      { name: 'embedding', data_type: DataType.FloatVector, dim },
      { name: 'tags', data_type: DataType.Array, element_type: DataType.VarChar, max_capacity: 4, max_length: 8 },
      { name: 'nums', data_type: DataType.Array, element_type: DataType.Int64, max_capacity: 5 },
      { name: 'scores', data_type: DataType.Array, element_type: DataType.Double, max_capacity: 3 },
    ],
  }));
  const rows = tags.map((t, i) => ({ id: i, embedding: vector(i), tags: t, nums: nums[i], scores: scores[i] }));
  const inserted = ok('insert', await client.insert({ collection_name: name, data: rows }));
  same('insert_cnt', Number(inserted.insert_cnt), tags.length);
  ok('createIndex', await client.createIndex({
    collection_name: name, field_name: 'embedding', index_type: 'HNSW', metric_type: 'L2',
    params: { M: 16, efConstruction: 200 },
  }));
  ok('loadCollectionSync', await client.loadCollectionSync({ collection_name: name }));
  const all = ok('query all', await client.query({
    collection_name: name, filter: 'id >= 0', output_fields: ['id', 'tags', 'nums', 'scores'],
  }));
  all.data.sort((a, b) => Number(a.id) - Number(b.id));
  all.data.forEach((r, i) => {
    same(`tags of row ${i}`, r.tags, tags[i]);
    same(`nums of row ${i}`, r.nums.map(Number), nums[i]);
    same(`scores of row ${i}`, r.scores, scores[i]);
  });
  same('array_contains', await ids(client, 'array_contains(tags, "red")'), [0, 3]);
  same('array_contains_all', await ids(client, 'ARRAY_CONTAINS_ALL(nums, [3, 10])'), [3]);
  same('array_contains_any', await ids(client, 'array_contains_any(scores, [2.5, 0.5])'), [0, 1]);
  same('array_length', await ids(client, 'array_length(nums) == 0'), [2]);
  same('element access', await ids(client, 'nums[1] >= 2'), [0, 3]);
  const search = ok('filtered search', await client.search({
    collection_name: name, data: [vector(3)], limit: 4, filter: 'array_contains(tags, "red")',
    output_fields: ['tags'], params: { ef: 64 },
  }));
  same('search hits', search.results.map((r) => Number(r.id)).sort(), [0, 3]);
  same('search top tags', search.results[0].tags, tags[3]);
  ok('dropCollection', await client.dropCollection({ collection_name: name }));
  console.log('NODE_ARRAYS_OK');
  await client.closeConnection();
}

run(main);
