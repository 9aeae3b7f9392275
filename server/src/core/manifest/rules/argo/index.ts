import type { ManifestRule } from '../rule';
import { strategyRule } from './strategy';

/** Argo Rollouts' own validation rules (parity with the controller and `kubectl argo rollouts lint`). */
export const ARGO_RULES: readonly ManifestRule[] = [strategyRule];
