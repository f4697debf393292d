/** How the chaos harness recognises what its attackers wrote (attacks.ts), wherever it ends up. */

/** Forged files use op ids from here on: no device of a chaos run ever gets this far. */
export const ATTACK_SEQ_BASE = 1_000_000_000
/** Every value an attack writes contains this, so a replica showing one is caught by a plain search. */
export const ATTACK_MARK = 'ATTACK'
