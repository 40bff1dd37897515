/**
 * Placeholder: the arbitraries are being written.
 *
 * @since 0.1.0
 */
export const pending = true;
