// JS SDK oracle: prints, as JSON, how @smithy/shared-ini-file-loader (the AWS SDK for JavaScript v3) reads a config/credentials pair.
//
// Usage: node js_sdk_view.mjs --config PATH --credentials PATH
// Output: {"ok": true,
//          "configFile": {profile name: {key: value}},        // loadSharedConfigFiles().configFile (profile prefix stripped)
//          "credentialsFile": {section: {key: value}},         // loadSharedConfigFiles().credentialsFile
//          "ssoSessions": {...},
//          "merged": {profile name: {key: value}},             // parseKnownFiles(): what credential resolution sees
//          "profiles": [names in merged order]}
// The SDK swallows every read/parse error and treats the file as {}; that silence is part of what we record.
import { loadSharedConfigFiles, parseKnownFiles } from '@smithy/shared-ini-file-loader';

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const configFilepath = arg('--config') ?? process.env.AWS_CONFIG_FILE;
const filepath = arg('--credentials') ?? process.env.AWS_SHARED_CREDENTIALS_FILE;
const init = { configFilepath, filepath, ignoreCache: true };

// Plain copies: the SDK builds its maps from object literals, so a "__proto__" key would vanish in JSON otherwise.
function plain(obj) {
  const out = {};
  for (const key of Object.keys(obj ?? {})) {
    const v = obj[key];
    Object.defineProperty(out, key, {
      value: v !== null && typeof v === 'object' ? plain(v) : v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

try {
  const files = await loadSharedConfigFiles(init);
  const merged = await parseKnownFiles(init);
  const result = {
    ok: true,
    configFile: plain(files.configFile),
    credentialsFile: plain(files.credentialsFile),
    ssoSessions: plain(files.ssoSessions ?? {}),
    merged: plain(merged),
    profiles: Object.keys(merged),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: e?.name ?? 'Error', message: String(e?.message ?? e) }) + '\n');
}
