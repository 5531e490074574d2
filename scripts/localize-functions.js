'use strict';
/**
 * The custom functions' metadata for Chinese Excel, as the custom-functions naming and
 * localization docs describe: one JSON metadata file per language, the manifest's
 * Functions.Metadata.Url pointing at the English one (functions.json, from the JSDoc) and
 * overridden for zh-CN with functions.zh-CN.json. Same ids, same function names (the formulas
 * the templates write, and the files the CLI makes, say BUDGET.ROLLUP in every language);
 * the descriptions, the parameters' names and their descriptions in Chinese, from
 * src/functions/metadata.zh-CN.json. A function or parameter missing there fails the build.
 */
const fs = require('fs');
const path = require('path');

const ZH_FILE = 'functions.zh-CN.json';
const TABLE = path.join(__dirname, '..', 'src', 'functions', 'metadata.zh-CN.json');

/** The zh-CN metadata from the English one and the table; throws naming what the table lacks. */
function localizeMetadata(english, table) {
  const missing = [];
  const functions = english.functions.map((f) => {
    const zh = table[f.id];
    if (!zh || !zh.description) {
      missing.push(f.id);
      return f;
    }
    const parameters = (f.parameters || []).map((p) => {
      const zp = zh.parameters && zh.parameters[p.name];
      if (!zp || !zp.name || !zp.description) {
        missing.push(`${f.id}(${p.name})`);
        return p;
      }
      return { ...p, name: zp.name, description: zp.description };
    });
    return { ...f, description: zh.description, parameters };
  });
  if (missing.length) throw new Error(`metadata.zh-CN.json 缺少这些函数或参数的中文说明：${missing.join(', ')}`);
  return { ...english, functions };
}

/** Emits functions.zh-CN.json beside functions.json (made by custom-functions-metadata-plugin). */
class LocalizeFunctionsPlugin {
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.compilation.tap('LocalizeFunctionsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'LocalizeFunctionsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset('functions.json');
        if (!asset) return;
        try {
          const english = JSON.parse(asset.source.source().toString());
          const table = JSON.parse(fs.readFileSync(TABLE, 'utf8'));
          compilation.emitAsset(ZH_FILE, new sources.RawSource(JSON.stringify(localizeMetadata(english, table), null, 2)));
        } catch (err) {
          compilation.errors.push(new WebpackError(String((err && err.message) || err)));
        }
      });
    });
  }
}

module.exports = { localizeMetadata, LocalizeFunctionsPlugin, ZH_FILE, TABLE };
