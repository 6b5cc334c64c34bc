import type { Role } from '@/api/types';

const HOME_BY_ROLE: Record<Role, string> = {
  client: '/client',
  vendor: '/vendor',
  admin: '/admin',
};

export const ROLE_LABEL: Record<Role, string> = {
  client: 'Client',
  vendor: 'Vendor',
  admin: 'Admin',
};

export function homeForRole(role: Role): string {
  return HOME_BY_ROLE[role];
}

/**
 * Only same-origin paths are accepted as a post-login destination, so a crafted
 * `?next=//evil.example` link cannot turn the login page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  return next;
}
