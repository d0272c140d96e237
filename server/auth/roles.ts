// Who may use which routes. Every RouteDef declares its `access`; this table is
// the only place that says which roles hold which access.
//
// - admin: the system owner (users, imports, audit) and, so that the person who
//   loads an extract can check it, everything an analyst can see. Unsuppressed.
// - analyst: aggregates, pseudonymous record lists, the network, shared views. Unsuppressed.
// - viewer: the strategic sub-group: aggregates and shared views, suppressed.
// - partner: shared views (hotspot maps, shared exports) only, suppressed.
import type { Access } from '../routes/registry.ts';

export const ROLES = ['admin', 'analyst', 'viewer', 'partner'] as const;
export type Role = (typeof ROLES)[number];

const GRANTS: Record<Role, readonly Access[]> = {
  admin: ['public', 'admin', 'aggregate', 'records', 'shared'],
  analyst: ['public', 'aggregate', 'records', 'shared'],
  viewer: ['public', 'aggregate', 'shared'],
  partner: ['public', 'shared'],
};

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export function mayAccess(role: Role, access: Access): boolean {
  return GRANTS[role].includes(access);
}

/** Figures leave the analyst: small numbers are suppressed for these roles. */
export function isSuppressed(role: Role): boolean {
  return role === 'viewer' || role === 'partner';
}
