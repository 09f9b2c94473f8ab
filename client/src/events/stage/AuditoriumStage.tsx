/** The auditorium stage in 3D: slide/screen-share screen, educator video, hand-raise queue, poll bars. */
export function AuditoriumStage() {
  return null
}
