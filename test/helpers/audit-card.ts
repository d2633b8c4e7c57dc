import { CLEAN_TEXT, replaceOnce } from './fixtures.js';

const ORIGINAL_LINK =
  'https://download.mindspore.cn/models/r1.9/albert_ascend_v190_mnli_research_nlp_acc82.25.ckpt';
const ORIGINAL_SHA = 'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a';
export const ORIGINAL_REPO = 'https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert';

/** The clean model card, linking `link` with `sha256`, its code in `repo`. */
export function auditCard(link: string, sha256: string, repo = ORIGINAL_REPO): string {
  return replaceOnce(
    replaceOnce(replaceOnce(CLEAN_TEXT, ORIGINAL_LINK, link), ORIGINAL_SHA, sha256),
    `<${ORIGINAL_REPO}>`,
    `<${repo}>`,
  );
}
