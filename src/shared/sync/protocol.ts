/**
 * The till ↔ head-office sync protocol, version 1: every request and answer on the wire, declared
 * once for both sides (the till's sync client in main, the head-office server in `src/server`).
 * Read `README.md` next to this file for the flow; `signing.ts` builds and checks signatures.
 *
 * Declared in three files (and one internal) by purpose and imported from here:
 * - `wire.ts` — paths, limits, signed-request headers, refusals (`SyncError`);
 * - `exchanges.ts` — enrolment, push, status and pull: each request beside its answer;
 * - `master-data.ts` — the master data a pull carries: one schema per entity, `MasterChange`;
 * - `fields.ts` — the field shapes they share (not re-exported).
 *
 * Stability: these files only grow. New optional fields and new entities may be added; nothing is
 * renamed, removed or made stricter, because an offline till may run an old app for weeks.
 *
 * Units: money is integer minor units of the store currency (fen); times are ISO 8601 strings in
 * UTC with milliseconds (`2026-11-29T08:15:00.000Z`) unless a field says otherwise; hashes are
 * lower-case hex SHA-256; keys and signatures are base64url without padding.
 */

export * from './wire'
export * from './exchanges'
export * from './master-data'
