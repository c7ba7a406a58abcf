// Shared by main (push-child.ts, as it starts the push process) and the push process (push-priority.ts).

/**
 * The push's nice value. Measured on 2 cores with the head office beside the till (bench
 * sync-checkout, quiet machine, the push then a thread): checkout p95 during a 100,000-event push
 * ×1.9–×2.0 of idle at nice 0, ×1.3–×1.5 at nice 10; the push took as long.
 */
export const PUSH_NICE = 10
