// Reads every row of a collection back with the official Node SDK: node readback.js <port> <collection>.
// Prints one JSON line per row ({id, category, embedding}) at Strong consistency, then "READBACK_OK".
const { ConsistencyLevelEnum } = require('@zilliz/milvus2-sdk-node');
const { connect, run } = require('./common');

async function main() {
  const [port, collection] = process.argv.slice(2);
  const client = await connect(port);
  const res = await client.query({
    collection_name: collection, filter: 'id >= 0', limit: 16384,
    output_fields: ['id', 'category', 'embedding'], consistency_level: ConsistencyLevelEnum.Strong,
  });
  if (res.status.error_code !== 'Success') {
    throw new Error(`query failed: ${JSON.stringify(res.status)}`);
  }
  for (const row of res.data) {
    console.log(JSON.stringify({ id: String(row.id), category: row.category, embedding: row.embedding }));
  }
  console.log('READBACK_OK');
  await client.closeConnection();
}

run(main);
