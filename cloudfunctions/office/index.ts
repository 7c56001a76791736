// office: what a jurisdiction's 公开办 does. Every action but bootstrap requires
// the caller to be office staff of the jurisdiction concerned.
import { createFunction } from '../_shared/router';
import { bootstrap, getRules, setRules } from './setup';
import { importPlan } from './plan';
import { invite, listUnits, removeStaff } from './units';
import { inviteMany } from './invites';
import { ratings } from './ratings';
import { dashboard, exportDashboard } from './dashboard';
import { eventDetail, inviteOffice, listEvents, listStaff, setLogo } from './desk';
import { confirmPhotoLogo, reportDetail, reviewReport } from './review';
import { publishPreview, publishReport, unpublishReport } from './publish';
import { publishListing, unpublishListing } from './listing';
import { exportColumn } from './column';
import { acceptParent, family, inviteChild, unlinkChild, unlinkParent } from './family';
import { evidencePack } from './evidencePack';
import { remindLate } from './remind';

export const main = createFunction('office', {
  bootstrap,
  setRules,
  getRules,
  importPlan,
  listUnits,
  invite,
  inviteMany,
  removeStaff,
  listEvents,
  eventDetail,
  inviteOffice,
  listStaff,
  setLogo,
  ratings,
  dashboard,
  exportDashboard,
  reviewReport,
  reportDetail,
  confirmPhotoLogo,
  publishPreview,
  publishReport,
  unpublishReport,
  publishListing,
  unpublishListing,
  exportColumn,
  inviteChild,
  acceptParent,
  unlinkChild,
  unlinkParent,
  family,
  evidencePack,
  remindLate,
});
