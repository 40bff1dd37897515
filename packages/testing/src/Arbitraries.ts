/** Placeholder until the arbitraries land (each helper adds its builders in its own file). */
export const version = "0.1.0";
