// `npm run bench`: every benchmark, each printing its ratio against a peer run side by side.
const suites = ['./files.bench.mjs', './sts.bench.mjs', './vault.bench.mjs', './scale.bench.mjs', './sso.bench.mjs'];
let missed = 0;
for (const suite of suites) {
  const { default: results } = await import(suite);
  missed += results.filter((r) => !r.ok).length;
}
console.log(missed === 0 ? 'bench: every goal met' : `bench: ${missed} goal(s) missed`);
