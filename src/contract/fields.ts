// Input fields several actions share.
import { z } from 'zod';

export const id = z.string().min(1).max(64);
export const year = z.number().int().min(2000).max(2100);
export const jurisdictionYear = z.object({ jurisdictionId: id, year }).strict();
export const empty = z.object({}).strict();

/** A file the app uploaded to cloud storage. */
export const CLOUD_FILE_ID = /^cloud:\/\/[^\s]{1,500}$/;

export const onlineVenueFields = {
  online: z.boolean().optional(),
  platform: z.string().trim().min(2).max(40).optional(),
  link: z.string().trim().url('链接须为完整网址，如 https://…').max(300).optional(),
};

export const evidenceFields = {
  evidenceFileID: z.string().regex(CLOUD_FILE_ID, '截图须先上传，再提交文件 ID（cloud://…）').optional(),
  evidenceLink: z.string().trim().url('链接须为完整网址，如 https://…').max(300).optional(),
};
