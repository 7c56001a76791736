// resident: what any WeChat user does — find open events, sign up, cancel,
// attend with the event's code, evaluate, erase their data. Public views never
// carry anyone's name or phone.
import { createFunction } from '../_shared/router';
import { eventDetail, openEvents } from './events';
import { cancelSignup, mySignups, signUp } from './signup';
import { attend, evaluate } from './attend';
import { erase } from './erase';
import { showcase } from './showcase';
import { answerQuestionnaire, questionnaire } from './questionnaire';

export const main = createFunction('resident', {
  openEvents,
  eventDetail,
  signUp,
  cancelSignup,
  mySignups,
  attend,
  evaluate,
  erase,
  showcase,
  questionnaire,
  answerQuestionnaire,
});
