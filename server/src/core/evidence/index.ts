/**
 * Evidence: hash-chained audit envelopes and release events (issue 4).
 * The language server and the CLI call these; everything else is internal.
 *
 *   captureEnvelope(ctx, root, request)      append an audit envelope
 *   recordRelease(ctx, root, request, git)   append a release event (tier 2: separation of duties)
 *   verifyEvidence(ctx, root, files)         check the chain and the input files
 *   loadChain + chainRecords                 the records, for trace and last-good
 *   traceQuery(records, query)               digest | commit | ticket → the whole path
 *   lastKnownGood(records, service, env)     the rollback target
 *
 * On Node, build the context with nodeEvidenceContext() (server/src/node/
 * evidence-context.ts); server/src/node/audit-capture.ts does a whole capture
 * (store the runs, append the envelope, sign) once the caller has gated.
 */
export { type Appended } from './append';
export { canonicalJson, CanonicalJsonError } from './canonical-json';
export { type ChainProblem, type ProblemReason, checkChain } from './chain-checks';
export { type CaptureRequest, captureEnvelope, defaultReleaseId } from './envelope';
export { checkField, checkId, idProblem } from './ids';
export { type LastGood, lastKnownGood } from './last-good';
export { RESERVED_NAMES } from './layout';
export { chainRecords, type LoadedChain, loadChain } from './load-chain';
export type { CommitAuthor, EvidenceContext, FileDigest, FileHasher, GitPort, Sha256 } from './ports';
export * from './records';
export { parseImage, type ReleaseRequest, recordRelease } from './release';
export { lastGoodToText, traceToText, verifyToText } from './render';
export { isSameIdentity, SeparationOfDutiesError } from './separation';
export { type Trace, type TraceKind, traceQuery } from './trace';
export { type VerifyResult, verifyEvidence } from './verify';
export { knownImagesFromChain, ticketUsesFromChain } from './evidence-for-checks';
