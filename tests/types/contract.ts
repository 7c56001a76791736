// Type-level tests of the contract, checked by `npx tsc --noEmit -p .` (the typecheck
// step of `npm test`); never run. Every `@ts-expect-error` below is a deliberate
// break: if the line it marks ever compiles, the typecheck fails.
import { action, createFunction } from '../../cloudfunctions/_shared/router';
import { contract } from '../../src/contract';
import type { call } from '../../src/api';
import type { CheckInResult, FilePlanResult } from '../../src/api/types';
import type { TestCloud } from '../helpers/cloud';

const checkin: CheckInResult = { checkinId: 'e1:checkin', at: '2023-04-27T10:00:00+08:00', distanceMeters: 12, flags: [] };

// A handler returning the shape the app expects compiles.
export const returnsContract = action(contract.unit.checkIn, async () => checkin);

// A handler whose result lacks a field the app reads does not.
// @ts-expect-error planDeadline is missing
export const missingField = action(contract.unit.filePlan, async () => ({ version: 1, reportDeadline: '2023-05-11' }));

// Nor one returning a field with another type.
// @ts-expect-error distanceMeters is a number (or null), not text
export const wrongType = action(contract.unit.checkIn, async () => ({ ...checkin, distanceMeters: '12 米' }));

// Nor one returning another action's result.
// @ts-expect-error a check-in is not a filed plan
export const otherAction = action(contract.unit.filePlan, async () => checkin);

// The handler receives the parsed input: its fields, nothing else.
export const readsInput = action(contract.resident.evaluate, async (input) => {
  const rating: number = input.rating;
  // @ts-expect-error evaluate has no such field
  void input.stars;
  return { eventId: input.eventId, rating, comment: input.comment ?? '' };
});

// A function registers every action of its contract.
// @ts-expect-error reminders.run is missing
export const incomplete = createFunction('reminders', {});

// The app's call() takes its payload and result from the contract.
declare const appCall: typeof call;
export async function appSide(): Promise<FilePlanResult | null> {
  // @ts-expect-error venue is required
  await appCall('unit', 'filePlan', { eventId: 'e1', date: '2023-05-04' });
  // @ts-expect-error no such action
  await appCall('unit', 'fileplan', {});
  // @ts-expect-error account.me takes no input
  await appCall('account', 'me', { eventId: 'e1' });
  const res = await appCall('unit', 'filePlan', { eventId: 'e1', date: '2023-05-04', venue: { name: '区政务服务中心' } });
  if (!res.ok) return null;
  // @ts-expect-error the contract's filePlan result has no such field
  void res.data.deadline;
  return res.data;
}

// The tests' cloud.call() too, unless a test names the type itself.
declare const cloud: TestCloud;
export async function testSide(): Promise<string> {
  const env = await cloud.call('unit', { action: 'checkIn', eventId: 'e1', latitude: 28.1, longitude: 113 }, 'staff');
  if (!env.ok) return env.error.message;
  // @ts-expect-error checkIn answers a CheckInResult
  void env.data.version;
  return env.data.checkinId;
}
