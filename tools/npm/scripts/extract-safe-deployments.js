// Extracts the canonical Safe deployments that cordon's signing guard needs from the
// @safe-global/safe-deployments package (MIT licence) into one compact JSON resource.
//   node scripts/extract-safe-deployments.js > ../../cordon-signing/src/main/resources/dev/cordon/signing/deploy/safe-deployments.json
'use strict';
const fs = require('fs');
const path = require('path');

const pkgDir = path.dirname(require.resolve('@safe-global/safe-deployments/package.json'));
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const assets = path.join(pkgDir, 'dist', 'assets');

const ROLES = {
  gnosis_safe: 'singleton', safe: 'singleton',
  gnosis_safe_l2: 'singleton_l2', safe_l2: 'singleton_l2',
  proxy_factory: 'proxy_factory', safe_proxy_factory: 'proxy_factory',
  multi_send: 'multi_send', multi_send_call_only: 'multi_send_call_only',
  sign_message_lib: 'sign_message_lib', create_call: 'create_call',
  safe_migration: 'safe_migration', safe_to_l2_migration: 'safe_to_l2_migration',
  safe_to_l2_setup: 'safe_to_l2_setup', simulate_tx_accessor: 'simulate_tx_accessor',
  compatibility_fallback_handler: 'fallback_handler', default_callback_handler: 'fallback_handler',
  extensible_fallback_handler: 'fallback_handler', token_callback_handler: 'fallback_handler',
};

const out = [];
for (const version of fs.readdirSync(assets).sort()) {
  for (const file of fs.readdirSync(path.join(assets, version)).sort()) {
    const d = JSON.parse(fs.readFileSync(path.join(assets, version, file), 'utf8'));
    const key = file.replace(/\.json$/, '');
    const chains = {};
    for (const [chainId, types] of Object.entries(d.networkAddresses)) {
      for (const t of [].concat(types)) {
        (chains[t] = chains[t] || []).push(Number(chainId));
      }
    }
    const deployments = {};
    for (const [t, v] of Object.entries(d.deployments)) {
      deployments[t] = {
        address: v.address,
        codeHash: v.codeHash,
        chains: (chains[t] || []).sort((a, b) => a - b).join(','),
      };
    }
    out.push({ key, role: ROLES[key] || 'other', contractName: d.contractName, version: d.version,
      released: d.released, deployments });
  }
}
process.stdout.write(JSON.stringify({
  source: 'npm package ' + pkg.name + '@' + pkg.version + ' (' + pkg.homepage + '), files dist/assets/*/*.json',
  licence: pkg.license + ' (the package LICENSE is bundled as safe-deployments.LICENSE)',
  contracts: out,
}, null, 1) + '\n');
