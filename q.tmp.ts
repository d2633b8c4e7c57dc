import { CLEAN_TEXT, check, replaceOnce } from './test/helpers/fixtures.js';
for (const [a, b] of [['used-for: inference', 'used-for:'], ['repo-link: <https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>', 'repo-link: < https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert >'], ['repo-link: <https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>', 'repo-link: https://gitee.com/mindspore/models/tree'], ['repo-link: <https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>', 'repo-link: https://gitee.com/mindspore/models/tree/r1.9/https://x.com']] as const) {
  const t = replaceOnce(CLEAN_TEXT, a, b);
  console.log(JSON.stringify(b), JSON.stringify(check(t).map(f => [f.rule, f.line, f.column, f.severity, f.origin, f.message.slice(0,70)])));
}
