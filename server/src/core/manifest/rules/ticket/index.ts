import type { ManifestRule } from '../rule';
import { misplacedTicketRule } from './misplaced-ticket';
import { missingTicketRule } from './missing-ticket';
import { ticketPatternRule } from './ticket-pattern';

/**
 * The change-ticket rules, in id order. TG-TKT-003 (ticket reused from a
 * closed release) needs the evidence store's release events and is not here yet.
 */
export const TICKET_RULES: readonly ManifestRule[] = [missingTicketRule, ticketPatternRule, misplacedTicketRule];
