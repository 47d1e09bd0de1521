/** The registry of service-desk kinds: `service.model` in a scenario names one. A new kind is a module plus one line here. */
import { contactCentre } from './contactCentre.js';
import type { DeskKind } from './desk.js';
import { simpleDesk } from './simpleDesk.js';

export const DESKS = { contactCentre, simple: simpleDesk } as const satisfies Record<string, DeskKind>;
export const DESK_KINDS = Object.keys(DESKS) as [keyof typeof DESKS, ...(keyof typeof DESKS)[]];
