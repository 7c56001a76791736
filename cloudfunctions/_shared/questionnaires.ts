// Questionnaires at an event: one per event, and one answer document per person.
// Answers are their own documents (counted by reading them, never by a shared
// counter), so concurrent answers cannot lose each other. An answer's id is a
// hash of the event and the person: a second answer is refused, yet the answer
// itself carries no openid (anonymous).
import crypto from 'node:crypto';
import type { Answer, Question } from '../../src/domain/questionnaire';

export const QUESTIONNAIRES = 'questionnaires';
export const ANSWERS = 'answers';

export interface QuestionnaireDoc {
  _id: string; // the eventId
  eventId: string;
  jurisdictionId: string;
  unitIds: string[];
  title: string;
  questions: Question[];
  /** Number of answers, kept in the same transaction as each answer: editing stops at the first. */
  answerCount: number;
  version: number;
  updatedBy: string;
  updatedAt: Date;
  /** The summary as attached to the 情况报告, a snapshot at the time of attaching. */
  attached?: { lines: string[]; respondents: number; by: string; at: Date };
}

export interface AnswerDoc {
  _id: string; // answerIdOf(eventId, openid)
  eventId: string;
  answers: Answer[];
  createdAt: Date;
}

export const answerIdOf = (eventId: string, openid: string) =>
  `${eventId}:${crypto.createHash('sha256').update(`${eventId}\n${openid}`).digest('hex').slice(0, 32)}`;
