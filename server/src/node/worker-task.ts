/** What a gate worker thread is started with (workerData): a gate request's job or a gate preview's. */
import type { AssessJob } from './assess-job';
import type { GateJob } from './gate-job';

export type WorkerTask = { readonly kind: 'gate'; readonly job: GateJob } | { readonly kind: 'assess'; readonly job: AssessJob };
