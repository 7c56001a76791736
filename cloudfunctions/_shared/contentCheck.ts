// WeChat's content check (security.msgSecCheck) over every text that others will
// read: public report text, questionnaire answers. Texts are checked in parallel;
// any verdict other than "pass" refuses the whole step, naming the fields.
import { BusinessError } from '../../src/domain/errors';
import { cloud } from './cloud';

export interface CheckedText {
  field: string;
  text: string;
}

/** Scene 3 (forum) for public articles, 2 (comment) for what residents type. */
export async function requireContentPass(openid: string, texts: readonly CheckedText[], scene: 2 | 3, message: string): Promise<void> {
  const todo = texts.filter((t) => t.text.trim());
  const verdicts = await Promise.all(
    todo.map(async (t) => {
      const res = (await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content: t.text })) as {
        result?: { suggest?: string };
      };
      return res.result?.suggest === 'pass';
    }),
  );
  const failed = todo.filter((_t, i) => !verdicts[i]).map((t) => t.field);
  if (failed.length) throw new BusinessError('CONTENT_REJECTED', message, { fields: failed });
}
