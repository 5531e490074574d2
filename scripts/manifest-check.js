'use strict';
/**
 * Offline manifest check (the Office validation service needs the network, which these
 * machines do not have): well-formed XML, the elements Office requires, every resid
 * defined, every URL on the add-in's own origin, every icon present in assets/, and the
 * custom functions under the BUDGET namespace in the shared runtime.
 */
const fs = require('fs');
const path = require('path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const ORIGIN = 'https://localhost:3000';

/** a < b, for dotted versions: `1.2` < `1.10`. */
function versionBelow(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

function checkManifest(xml, root) {
  const problems = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`manifest.xml 不是合法的 XML：${valid.err.msg}（第 ${valid.err.line} 行）`];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: () => false });
  const doc = parser.parse(xml).OfficeApp;
  if (!doc) return ['缺少根元素 OfficeApp'];
  for (const el of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'DefaultSettings', 'Permissions', 'VersionOverrides']) {
    if (doc[el] === undefined) problems.push(`缺少必需元素 <${el}>`);
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(doc.Id))) problems.push(`<Id> 应为 GUID：${doc.Id}`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(String(doc.Version))) problems.push(`<Version> 应为四段版本号：${doc.Version}`);
  if (doc.Permissions !== 'ReadWriteDocument') problems.push(`<Permissions> 应为 ReadWriteDocument（写入工作表所需的最小权限），实为 ${doc.Permissions}`);

  // Every resid used must be defined once in Resources.
  const defined = new Map();
  const resources = doc.VersionOverrides && doc.VersionOverrides.Resources;
  for (const group of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
    const items = resources && resources[group] && (resources[group].Image || resources[group].Url || resources[group].String);
    for (const item of [].concat(items || [])) {
      if (defined.has(item['@id'])) problems.push(`资源 id 重复：${item['@id']}`);
      defined.set(item['@id'], item['@DefaultValue']);
    }
  }
  const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  for (const id of used) if (!defined.has(id)) problems.push(`resid="${id}" 没有在 <Resources> 中定义`);
  for (const id of defined.keys()) if (!used.includes(id)) problems.push(`资源 ${id} 已定义但未使用`);

  // URLs: all on our origin; icons must exist in assets/.
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
  for (const u of urls) {
    if (!u.startsWith(ORIGIN + '/')) problems.push(`URL 不在加载项自己的源 ${ORIGIN}：${u}`);
    const file = u.slice(ORIGIN.length + 1);
    if (/\.png$/.test(file) && !fs.existsSync(path.join(root, file))) problems.push(`图标 ${file} 不存在`);
  }
  const appDomain = doc.AppDomains && doc.AppDomains.AppDomain;
  if (appDomain !== ORIGIN) problems.push(`<AppDomain> 应为 ${ORIGIN}`);

  // Custom functions: BUDGET namespace, shared runtime pages consistent.
  if (defined.get('Functions.Namespace') !== 'BUDGET') problems.push('自定义函数命名空间应为 BUDGET');
  if (defined.get('Taskpane.Url') !== `${ORIGIN}/taskpane.html`) problems.push('Taskpane.Url 应指向 taskpane.html');
  if (!/<Runtime resid="Taskpane.Url" lifetime="long"\/>/.test(xml)) problems.push('共享运行时 <Runtime resid="Taskpane.Url" lifetime="long"/> 缺失');
  if (!/<FunctionFile resid="Taskpane.Url"\/>/.test(xml)) problems.push('共享运行时下 <FunctionFile> 应为 Taskpane.Url');
  const sets = [...xml.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
  if (!sets.includes('SharedRuntime 1.1')) problems.push('缺少需求集 SharedRuntime 1.1');
  const cfr = sets.find((s) => s.startsWith('CustomFunctionsRuntime '));
  if (!cfr) problems.push('缺少需求集 CustomFunctionsRuntime');
  // The sets the code needs, read from the code: CustomFunctions.Error is CustomFunctionsRuntime
  // 1.2, and its messages with the error codes the functions use come with 1.3.
  const functionsFile = path.join(root, 'src', 'functions', 'functions.ts');
  const functionsCode = fs.existsSync(functionsFile) ? fs.readFileSync(functionsFile, 'utf8') : '';
  const needsCfr = /new CustomFunctions\.Error\([^,)]+,/.test(functionsCode) ? '1.3' : /CustomFunctions\.Error/.test(functionsCode) ? '1.2' : '1.1';
  if (cfr && versionBelow(cfr.split(' ')[1], needsCfr)) {
    problems.push(`函数代码使用 CustomFunctions.Error（带消息），需要 CustomFunctionsRuntime ${needsCfr}，清单声明的是 ${cfr.split(' ')[1]}`);
  }
  if (!sets.some((s) => s.startsWith('ExcelApi '))) problems.push('缺少 ExcelApi 需求集声明');
  // Custom functions described in Chinese for zh-CN (functions.zh-CN.json, made at build)
  if (!/<bt:Url id="Functions.Metadata.Url" DefaultValue="[^"]+\/functions\.json">\s*<bt:Override Locale="zh-CN" Value="[^"]+\/functions\.zh-CN\.json"\/>/.test(xml)) {
    problems.push('Functions.Metadata.Url 应有 zh-CN 的 Override，指向 functions.zh-CN.json（中文函数说明）');
  }
  if (!/<OfficeTab id="TabHome">/.test(xml)) problems.push('功能区按钮组应在“开始”选项卡（TabHome）');
  return problems;
}

module.exports = { checkManifest, ORIGIN };

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const problems = checkManifest(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), root);
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    process.exit(1);
  }
  console.log('✓ manifest.xml 检查通过（离线检查：XML、必需元素、资源 id、URL、图标、共享运行时、BUDGET 命名空间）');
}
