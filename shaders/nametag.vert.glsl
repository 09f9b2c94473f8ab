// Instanced, camera-facing name tags. Each instance samples its own cell of a shared atlas,
// so every tag in the room is one draw call.
attribute vec2 cell;
uniform vec2 cellSize;
varying vec2 vUv;

void main() {
  // the atlas is uploaded without flipY, so v runs top to bottom
  vUv = vec2(cell.x + uv.x, cell.y + 1.0 - uv.y) * cellSize;
  vec4 center = modelViewMatrix * instanceMatrix * vec4(0.0, 0.0, 0.0, 1.0);
  float sx = length(instanceMatrix[0].xyz);
  float sy = length(instanceMatrix[1].xyz);
  center.xy += position.xy * vec2(sx, sy);
  gl_Position = projectionMatrix * center;
}
