// Oracle for the differential tests and `genai bench text`: tiktoken's Rust core compiled to WASM (npm "tiktoken").
// stdin: {"encoding": "cl100k_base", "texts": ["...", ...], "allowedSpecial": "all" | [] | null (= encode_ordinary), "repeat": 1}
// stdout: {"ids": [[...], ...], "seconds": [...]}  (seconds: wall time of each repetition over all texts)
const path = require('path');
const modules = process.env.TIKTOKEN_NODE_MODULES;
const { get_encoding } = require(modules ? path.join(modules, 'tiktoken') : 'tiktoken');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', d => { input += d; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const enc = get_encoding(request.encoding);
  const allowed = request.allowedSpecial;
  const encode = allowed == null ? t => enc.encode_ordinary(t) : t => enc.encode(t, allowed);
  const ids = request.texts.map(t => Array.from(encode(t)));
  const seconds = [];
  for (let r = 0; r < (request.repeat ?? 0); r++) {
    const start = process.hrtime.bigint();
    for (const t of request.texts) encode(t);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  enc.free();
  process.stdout.write(JSON.stringify({ ids: request.repeat ? [] : ids, seconds }));
});
