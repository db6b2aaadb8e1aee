// What every Node SDK check script shares: a step that fails loudly, and seeded test vectors.

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

// A deterministic dim-d vector for a seed: sin(seed * 7 + i * step).
function sineVector(seed, dim, step = 1) {
  const v = [];
  for (let i = 0; i < dim; i++) {
    v.push(Math.sin(seed * 7 + i * step));
  }
  return v;
}

module.exports = { ok, sineVector };
