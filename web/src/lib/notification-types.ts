import type { NotificationType } from '@/api/types';

/** Human names of the notification types, in the order the preferences list them. */
export const NOTIFICATION_TYPES: { type: NotificationType; label: string; description: string }[] = [
  { type: 'upload_finished', label: 'Upload finished', description: 'A CSV upload of yours has been processed.' },
  { type: 'lead_approved', label: 'Lead approved', description: 'A lead of yours passed review and is on sale.' },
  { type: 'lead_rejected', label: 'Lead rejected', description: 'A lead of yours did not pass review.' },
  { type: 'lead_sold', label: 'Lead sold', description: 'A buyer paid for one of your leads.' },
  { type: 'purchase_completed', label: 'Purchase completed', description: 'Your payment went through and the contacts are ready.' },
  { type: 'saved_search_match', label: 'Saved search match', description: 'New leads match one of your saved searches.' },
  { type: 'announcement', label: 'Announcements', description: 'News about Lead-Nexus from the team.' },
];

export const NOTIFICATION_TYPE_LABEL = Object.fromEntries(
  NOTIFICATION_TYPES.map(({ type, label }) => [type, label]),
) as Record<NotificationType, string>;
