import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require('../scripts/manifest-check.js') as { checkManifest: (xml: string, root: string) => string[] };

const root = path.join(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('manifest.xml, checked offline', () => {
  it('passes: well-formed, required elements, resids, URLs, icons, shared runtime, BUDGET namespace', () => {
    expect(checkManifest(xml, root)).toEqual([]);
  });

  it('has a 校验 button in the same group that runs the function the commands register', () => {
    const group = xml.slice(xml.indexOf('<Group id="BudgetTables.Group">'), xml.indexOf('</Group>'));
    expect(group).toContain('<Control xsi:type="Button" id="BudgetTables.ValidateButton">');
    expect(group).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>validateWorkbookCommand<\/FunctionName>/);
    expect(xml).toMatch(/<bt:String id="ValidateButton.Label" DefaultValue="校验">\s*<bt:Override Locale="en-US" Value="Validate"\/>/);
  });

  it('declares the requirement sets the code relies on', () => {
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(xml).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    // CustomFunctions.Error with a message (functions.ts) needs CustomFunctionsRuntime 1.3
    expect(xml).toContain('<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });

  it.each([
    ['malformed XML', xml.replace('</OfficeApp>', ''), '不是合法的 XML'],
    ['an undefined resid', xml.replace('resid="Group.Label"', 'resid="Group.Missing"'), 'Group.Missing'],
    ['a foreign URL', xml.replace('https://localhost:3000/functions.json', 'https://example.com/functions.json'), '不在加载项自己的源'],
    ['a missing icon', xml.replace(/icon-80\.png/g, 'icon-81.png'), 'icon-81.png 不存在'],
    ['another namespace', xml.replace('DefaultValue="BUDGET"', 'DefaultValue="BT"'), 'BUDGET'],
    ['a wider permission', xml.replace('ReadWriteDocument', 'ReadWriteMailbox'), 'Permissions'],
    ['no Id', xml.replace(/<Id>[^<]+<\/Id>/, ''), '<Id>'],
    ['no Chinese function metadata', xml.replace(/\s*<bt:Override Locale="zh-CN" Value="[^"]+functions\.zh-CN\.json"\/>/, ''), 'functions.zh-CN.json'],
    ['a runtime older than CustomFunctions.Error with messages', xml.replace('"CustomFunctionsRuntime" MinVersion="1.3"', '"CustomFunctionsRuntime" MinVersion="1.1"'), 'CustomFunctionsRuntime 1.3'],
  ])('catches %s', (_what, broken, words) => {
    const problems = checkManifest(broken, root);
    expect(problems.join('\n')).toContain(words);
  });
});
