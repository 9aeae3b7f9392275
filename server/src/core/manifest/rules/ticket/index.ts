import type { ManifestRule } from '../rule';
import { misplacedTicketRule } from './misplaced-ticket';
import { missingTicketRule } from './missing-ticket';
import { ticketPatternRule } from './ticket-pattern';
import { ticketReusedRule } from './ticket-reused';

/** The change-ticket rules, in id order (TG-TKT-003 reads release events from the evidence store). */
export const TICKET_RULES: readonly ManifestRule[] = [missingTicketRule, ticketPatternRule, ticketReusedRule, misplacedTicketRule];
