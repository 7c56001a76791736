// unit: what a responsible unit's staff do, mostly on their phones at the event
// site. Every action requires the caller to be staff of the event's unit.
import { createFunction } from '../_shared/router';
import { eventDetail, myEvents } from './events';
import { filePlan } from './plan';
import { addPhoto, checkIn, removePhoto } from './onsite';
import { saveDraft, submitReport } from './report';
import { attendees, eventCode } from './attendees';
import { attachQuestionnaire, exportQuestionnaire, questionnaireResults, setQuestionnaire } from './questionnaire';
import { submitMaterials } from './materials';
import { contacts } from './contacts';

export const main = createFunction('unit', {
  myEvents,
  eventDetail,
  filePlan,
  checkIn,
  addPhoto,
  removePhoto,
  saveDraft,
  submitReport,
  attendees,
  eventCode,
  setQuestionnaire,
  questionnaireResults,
  exportQuestionnaire,
  attachQuestionnaire,
  submitMaterials,
  contacts,
});
