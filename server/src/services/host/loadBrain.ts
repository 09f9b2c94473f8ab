import { createHostBrain, parseKnowledge } from '@atrium/common'

import type { HostBrain } from './HostService.ts'
import { readKnowledge } from './loadKnowledge.ts'

/** Reads, validates and indexes the knowledge base; throws with the file and entry at fault. */
export function loadHostBrain(dir?: string): HostBrain {
  return createHostBrain(parseKnowledge(readKnowledge(dir)))
}
