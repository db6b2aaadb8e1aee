// Two vector fields and hybridSearch through the Milvus Node SDK against a running target:
// node multivector.js <port>. Both indexes are requested without waiting (the second is built after the
// first), each field is searched by anns_field, and hybridSearch fuses both with RRF and weights.
// Exits 0 and prints "NODE_MULTIVECTOR_OK" when every step answered as Milvus would; any failure exits 1.
const { DataType, RRFRanker, WeightedRanker } = require('@zilliz/milvus2-sdk-node');
const { connect, ok, same, sineVector, run } = require('./common');

const port = process.argv[2];
const name = 'node_multivector';
const text = (seed) => sineVector(seed, 8);
const image = (seed) => sineVector(seed, 4, 0.37);

async function main() {
  const client = await connect(port);
  ok('createCollection', await client.createCollection({
    collection_name: name,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
      { name: 'text_vec', data_type: DataType.FloatVector, dim: 8 },
      { name: 'image_vec', data_type: DataType.FloatVector, dim: 4 },
      { name: 'category', data_type: DataType.VarChar, max_length: 10 },
    ],
  }));
  const rows = [];
  for (let i = 0; i < 40; i++) {
    rows.push({ id: i, text_vec: text(i), image_vec: image(i), category: `c${i % 3}` });
  }
  ok('insert', await client.insert({ collection_name: name, data: rows }));
  ok('createIndex text_vec', await client.createIndex({
    collection_name: name, field_name: 'text_vec', index_type: 'HNSW', metric_type: 'COSINE', params: { M: 16, efConstruction: 64 },
  }));
  ok('createIndex image_vec', await client.createIndex({
    collection_name: name, field_name: 'image_vec', index_type: 'HNSW', metric_type: 'L2', params: { M: 8, efConstruction: 32 },
  }));
  ok('loadCollectionSync', await client.loadCollectionSync({ collection_name: name }));

  const byImage = ok('search image_vec', await client.search({
    collection_name: name, anns_field: 'image_vec', data: [image(5)], limit: 3, params: { ef: 64 },
  }));
  same('nearest by image', Number(byImage.results[0].id), 5);

  const hybrid = (rerank) => client.search({
    collection_name: name,
    data: [
      { data: text(7), anns_field: 'text_vec', params: { ef: 64 } },
      { data: image(7), anns_field: 'image_vec', params: { ef: 64 } },
    ],
    rerank, limit: 5, output_fields: ['category', 'image_vec'],
  });
  const rrf = ok('hybridSearch rrf', await hybrid(RRFRanker(60)));
  same('rrf top', Number(rrf.results[0].id), 7);
  if (Math.abs(rrf.results[0].score - 2 / 61) > 1e-6) {
    throw new Error(`rrf score ${rrf.results[0].score}, want ${2 / 61}`);
  }
  same('rrf category', rrf.results[0].category, 'c1');
  same('rrf image_vec', rrf.results[0].image_vec.map((x) => Math.fround(x)), image(7).map((x) => Math.fround(x)));
  const weighted = ok('hybridSearch weighted', await hybrid(WeightedRanker([0.5, 0.5])));
  same('weighted top', Number(weighted.results[0].id), 7);
  same('weighted hits', weighted.results.length, 5);

  const row = ok('query', await client.query({
    collection_name: name, filter: 'id == 3', output_fields: ['text_vec', 'image_vec'],
  }));
  same('query text_vec', row.data[0].text_vec.map((x) => Math.fround(x)), text(3).map((x) => Math.fround(x)));
  same('query image_vec', row.data[0].image_vec.map((x) => Math.fround(x)), image(3).map((x) => Math.fround(x)));
  ok('dropCollection', await client.dropCollection({ collection_name: name }));
  console.log('NODE_MULTIVECTOR_OK');
  await client.closeConnection();
}

run(main);
