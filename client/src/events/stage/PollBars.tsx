import { STAGE } from '../../components/environment/layout.ts'
import { useAuditorium } from '../useAuditorium.ts'

const COLORS = ['#669bbc', '#f3a712', '#4c956c', '#d1495b', '#8e7dbe', '#2ec4b6']
const MAX_HEIGHT = 2
const WIDTH = 0.35

/**
 * Live poll results as a 3D bar chart on the stage's right wing: one bar per option, heights proportional to the
 * votes, colours in option order (the 2D panel lists the same counts in the same order).
 */
export function PollBars() {
  const poll = useAuditorium((s) => s.poll)
  if (!poll) return null
  const max = Math.max(1, ...poll.counts)
  const x0 = STAGE.maxX - 2.8
  return (
    <group position={[x0, STAGE.height, STAGE.maxZ - 1.5]} name="event-poll-bars">
      {poll.options.map((_, i) => {
        const height = Math.max(0.02, ((poll.counts[i] ?? 0) / max) * MAX_HEIGHT)
        return (
          <mesh key={i} position={[i * (WIDTH + 0.12), height / 2, 0]} userData={{ count: poll.counts[i] ?? 0 }}>
            <boxGeometry args={[WIDTH, height, WIDTH]} />
            <meshStandardMaterial color={COLORS[i % COLORS.length]} />
          </mesh>
        )
      })}
    </group>
  )
}
