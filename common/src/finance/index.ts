/**
 * The wealth-sandbox engine: capital market assumptions, Monte Carlo projection, risk questionnaire, product
 * suitability and stress replays. Pure TypeScript without DOM or Node APIs, so it runs in Node, the browser and
 * Web Workers alike (see montecarlo.ts for the chunked, cancellable API a worker drives).
 */
export * from './assumptions.ts'
export * from './detmath.ts'
export * from './kernel.ts'
export * from './linalg.ts'
export * from './montecarlo.ts'
export * from './plan.ts'
export * from './prng.ts'
export * from './products.ts'
export * from './questionnaire.ts'
export * from './results.ts'
export * from './stats.ts'
export * from './stress.ts'
export * from './suitability.ts'
export * from './text.ts'
