import { messageTemplates } from './message-templates';
import { checkChinese } from '../../../src/core/rules/message-style';
test('scratch', () => {
  const t = messageTemplates();
  const v = t.flatMap((x) => checkChinese(x.text).map((s) => `${x.file}:${x.line} ${s.rule} [${s.at}]`));
  console.log(t.length, v.length + '\n' + v.join('\n'));
});
