/**
 * Placeholder: the module is being written (see the issue that names it).
 *
 * @since 0.1.0
 */
export const pending = true;
