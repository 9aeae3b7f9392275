import type { ManifestRule } from '../rule';
import { dangerousCapabilitiesRule } from './dangerous-capabilities';
import { hostNamespacesRule } from './host-namespaces';
import { hostPathRule } from './host-path';
import { privilegeEscalationRule } from './privilege-escalation';
import { privilegedRule } from './privileged';

/** The workload security rules, in id order. */
export const SECURITY_RULES: readonly ManifestRule[] = [privilegedRule, hostPathRule, hostNamespacesRule, privilegeEscalationRule, dangerousCapabilitiesRule];
