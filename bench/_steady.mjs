import { readFileSync } from 'node:fs';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
const lib = await import('../dist/lib/awsfiles.mjs');
const c='/work/main/.bench/large/config', k='/work/main/.bench/large/credentials';
const acc = {doc:0, read:0, model:0, peer:0};
for (let r = 0; r < 40; r++) {
  let t = performance.now(); const cd = lib.parseDocument(readFileSync(c)), kd = lib.parseDocument(readFileSync(k)); const t1 = performance.now();
  const cr = lib.readIni(cd), kr = lib.readIni(kd); const t2 = performance.now();
  lib.buildProfileModel(cr, kr); const t3 = performance.now();
  await loadSharedConfigFiles({ filepath: k, configFilepath: c, ignoreCache: true }); const t4 = performance.now();
  if (r >= 10) { acc.doc += t1-t; acc.read += t2-t1; acc.model += t3-t2; acc.peer += t4-t3; }
}
for (const [k2,v] of Object.entries(acc)) console.log(k2, (v/30).toFixed(1));
